/// What changed in a workspace between two moments, path by path.
///
/// Paths are workspace-relative without a leading `/` (`"src/a.c"`), sorted by their UTF-8 bytes. A directory
/// appears (without a trailing `/`) only when it was added, deleted or had its permission bits changed; a
/// directory that overlayfs merely copied up because something inside it changed is not listed. A path whose
/// type changed (a file replaced by a symbolic link, say) is `modified`. A path can be both `modified` and
/// `modeChanged`.
public struct WorkspaceDelta: Sendable, Codable, Equatable {
    public var added: [String]
    public var modified: [String]
    public var deleted: [String]
    /// Paths whose permission bits (including setuid, setgid and sticky) changed.
    public var modeChanged: [String]
    /// The total size, after the change, of the regular files in `added` and `modified`.
    public var bytesWritten: Int64
    /// The unified diff (`diff -u`, `a/` and `b/` labels, `/dev/null` for an absent side) of the changed text
    /// files, in path order; `nil` unless asked for.
    public var diff: String?

    public init(
        added: [String] = [], modified: [String] = [], deleted: [String] = [], modeChanged: [String] = [],
        bytesWritten: Int64 = 0, diff: String? = nil
    ) {
        self.added = added
        self.modified = modified
        self.deleted = deleted
        self.modeChanged = modeChanged
        self.bytesWritten = bytesWritten
        self.diff = diff
    }

    /// Whether nothing changed.
    public var isEmpty: Bool {
        added.isEmpty && modified.isEmpty && deleted.isEmpty && modeChanged.isEmpty
    }

    enum CodingKeys: String, CodingKey {
        case added
        case modified
        case deleted
        case modeChanged = "mode_changed"
        case bytesWritten = "bytes_written"
        case diff
    }
}
