/// The entries of one or more layers above some read-only base, merged top-most first.
///
/// Keys are workspace-relative paths without a leading `/` (`"src/a.c"`); the root is not included. Whiteouts
/// are kept (they hide the layers below the scan), and so are opaque directories; entries of a lower scanned
/// layer that an upper one hides are dropped.
public struct LayerScan: Sendable, Equatable {
    public var entries: [String: LayerEntry]

    public init(entries: [String: LayerEntry] = [:]) {
        self.entries = entries
    }

    /// A scan with no entries: "nothing above the lower layers", the `before` of a delta since a checkpoint.
    public static let empty = LayerScan()

    /// Whether `path` or one of its ancestors is an entry of this scan that hides the layers below (a whiteout,
    /// a non-directory or an opaque directory).
    func hidesLower(_ path: String) -> Bool {
        if let entry = entries[path], entry.hidesLower { return true }
        return hasHidingAncestor(path)
    }

    /// Whether a proper ancestor of `path` hides what lies below the scan at `path`.
    func hasHidingAncestor(_ path: String) -> Bool {
        for ancestor in WorkspacePath.ancestors(path) {
            if let entry = entries[ancestor], entry.hidesLower { return true }
        }
        return false
    }
}
