/// The workspace overlay mounted read-write at `/workspace` inside the sandbox. All paths are host paths.
public struct SandboxOverlay: Sendable, Equatable {
    /// The read-only layers, top layer first.
    public var lowerDirs: [String]
    /// Where the command's changes land.
    public var upperDir: String
    /// overlayfs's scratch directory, on the same file system as `upperDir`.
    public var workDir: String

    public init(lowerDirs: [String], upperDir: String, workDir: String) {
        self.lowerDirs = lowerDirs
        self.upperDir = upperDir
        self.workDir = workDir
    }
}
