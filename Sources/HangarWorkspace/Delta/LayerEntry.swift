/// One entry of a layer directory as `lstat` sees it (symbolic links are never followed).
public struct LayerEntry: Sendable, Equatable {
    /// What an entry is, with overlayfs' markers recognised.
    public enum Kind: String, Sendable, Equatable {
        case file
        case directory
        case symlink
        /// An overlayfs whiteout (a 0:0 character device): the path is deleted in the layers below.
        case whiteout
        /// A FIFO, a socket or a device other than a whiteout.
        case other
    }

    public var kind: Kind
    /// The permission bits plus setuid, setgid and sticky (`st_mode & 0o7777`).
    public var mode: UInt32
    /// The size in bytes (`st_size`); for a symbolic link the length of its target.
    public var size: Int64
    /// The modification time in nanoseconds since the epoch.
    public var mtime: Int64
    public var inode: UInt64
    public var device: UInt64
    /// For a directory: whether it hides everything below the scanned layers at this path. In a single layer
    /// this is the `trusted.overlay.opaque` xattr; in a merged scan it is also set where a directory sits over
    /// a whiteout, an opaque directory or a non-directory of a lower scanned layer.
    public var opaque: Bool
    /// The absolute host path of the entry, for reading its content.
    public var sourcePath: String
    /// The target of a symbolic link, `nil` for every other kind.
    public var symlinkTarget: String?

    public init(
        kind: Kind, mode: UInt32, size: Int64, mtime: Int64, inode: UInt64, device: UInt64, opaque: Bool = false,
        sourcePath: String, symlinkTarget: String? = nil
    ) {
        self.kind = kind
        self.mode = mode
        self.size = size
        self.mtime = mtime
        self.inode = inode
        self.device = device
        self.opaque = opaque
        self.sourcePath = sourcePath
        self.symlinkTarget = symlinkTarget
    }

    /// Whether this entry, in an upper layer, hides the whole subtree of the layers below at its path: a
    /// whiteout, any non-directory, or an opaque directory.
    var hidesLower: Bool { kind != .directory || opaque }

    /// Whether `other` is the very same inode (same device and inode number).
    func isSameInode(as other: LayerEntry) -> Bool {
        device == other.device && inode == other.inode
    }
}
