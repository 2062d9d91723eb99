#if canImport(Glibc)
    import Glibc
#endif

/// What one path is at one moment: the entry that shows there and whether it comes from a read-only layer.
struct PathState {
    var entry: LayerEntry
    /// Whether the entry lives in a read-only lower layer, whose content never changes.
    var isLower: Bool

    /// The state of `path` in the merged view of `scan` over `lower`: the scan's entry (absent for a whiteout),
    /// absent when an ancestor in the scan hides the lower layers, else the lower layers' entry.
    static func resolve(_ path: String, in scan: LayerScan, lower: inout LowerLayerView) throws -> PathState? {
        if let entry = scan.entries[path] {
            return entry.kind == .whiteout ? nil : PathState(entry: entry, isLower: false)
        }
        if scan.hasHidingAncestor(path) { return nil }
        return try lower.entry(path).map { PathState(entry: $0, isLower: true) }
    }

    /// Whether the content this state describes can still be read at its source path. A lower layer never
    /// changes; a file in a writable layer is intact only while `lstat` still shows the same inode, size and
    /// mtime (a command may have rewritten it in place or renamed another file over it).
    var isContentIntact: Bool {
        if isLower { return true }
        var info = stat()
        guard lstat(entry.sourcePath, &info) == 0 else { return false }
        return UInt64(info.st_ino) == entry.inode && UInt64(info.st_dev) == entry.device
            && Int64(info.st_size) == entry.size
            && Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec) == entry.mtime
    }
}
