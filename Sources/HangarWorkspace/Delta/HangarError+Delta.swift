public import HangarCore

extension HangarError.Code {
    /// A layer of a workspace, or a file inside one, could not be read while computing a delta or a tree hash.
    /// The message names at most the workspace-relative path, never a host path.
    public static let layerUnreadable = Self("layer_unreadable", family: .storage)
    /// The unified diff of a changed text file could not be produced (the `diff` tool failed or is missing).
    public static let diffFailed = Self("diff_failed", family: .internal)
}
