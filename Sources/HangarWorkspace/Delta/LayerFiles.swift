import HangarCore

#if canImport(Glibc)
    import Glibc
#endif

/// The file-system calls of delta computation and tree hashing: `lstat`, `readdir`, `readlink`, `lgetxattr`.
/// Symbolic links are never followed. Failures become `layer_unreadable` errors whose message names only the
/// workspace-relative path; the host path goes to the underlying ``LayerIOFailure`` for logs.
enum LayerFiles {
    /// The entry at `hostPath`, or `nil` when nothing is there (`ENOENT`, or `ENOTDIR` because an ancestor is
    /// not a directory).
    ///
    /// - Parameter overlayMarkers: whether to recognise whiteouts and read the opaque xattr (true for layer
    ///   directories, false for a plain tree such as a mounted overlay, where a 0:0 device is just a device).
    static func entry(hostPath: String, relativePath: String, overlayMarkers: Bool = true) throws -> LayerEntry? {
        var info = stat()
        guard lstat(hostPath, &info) == 0 else {
            if errno == ENOENT || errno == ENOTDIR { return nil }
            throw unreadable(relativePath, operation: "lstat", hostPath: hostPath)
        }
        let kind: LayerEntry.Kind
        switch info.st_mode & S_IFMT {
        case S_IFREG: kind = .file
        case S_IFDIR: kind = .directory
        case S_IFLNK: kind = .symlink
        case S_IFCHR where overlayMarkers && info.st_rdev == 0: kind = .whiteout
        default: kind = .other
        }
        let opaque = overlayMarkers && kind == .directory ? try isOpaque(hostPath, relativePath: relativePath) : false
        let target = kind == .symlink ? try readLink(hostPath, relativePath: relativePath) : nil
        return LayerEntry(
            kind: kind,
            mode: UInt32(info.st_mode) & 0o7777,
            size: Int64(info.st_size),
            mtime: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec),
            inode: UInt64(info.st_ino),
            device: UInt64(info.st_dev),
            opaque: opaque,
            sourcePath: hostPath,
            symlinkTarget: target
        )
    }

    /// The names in the directory at `hostPath`, without `.` and `..`, in no particular order. A directory
    /// below the root that vanished meanwhile (a command is still running) reads as empty.
    static func names(hostPath: String, relativePath: String) throws -> [String] {
        guard let directory = opendir(hostPath) else {
            if !relativePath.isEmpty && (errno == ENOENT || errno == ENOTDIR) { return [] }
            throw unreadable(relativePath, operation: "opendir", hostPath: hostPath)
        }
        defer { closedir(directory) }
        var names: [String] = []
        while true {
            errno = 0
            guard let record = readdir(directory) else {
                if errno != 0 { throw unreadable(relativePath, operation: "readdir", hostPath: hostPath) }
                return names
            }
            let name = withUnsafeBytes(of: record.pointee.d_name) { bytes in
                String(decoding: bytes.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
    }

    /// Whether the directory at `hostPath` carries `trusted.overlay.opaque` = `y`. (Kernels from 6.7 also write
    /// `x`, meaning "contains whiteouts" and not opaque, so only `y` counts.)
    static func isOpaque(_ hostPath: String, relativePath: String) throws -> Bool {
        var value: UInt8 = 0
        let count = ExtendedAttributes.get(hostPath, "trusted.overlay.opaque", &value, 1)
        if count == 1 { return value == UInt8(ascii: "y") }
        if count >= 0 { return false }
        switch errno {
        case ENODATA, ENOTSUP, ERANGE: return false
        default: throw unreadable(relativePath, operation: "lgetxattr", hostPath: hostPath)
        }
    }

    /// The target of the symbolic link at `hostPath`.
    static func readLink(_ hostPath: String, relativePath: String) throws -> String {
        var buffer = [UInt8](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = buffer.withUnsafeMutableBufferPointer { pointer in
            pointer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: pointer.count) {
                readlink(hostPath, $0, pointer.count)
            }
        }
        guard count >= 0 else { throw unreadable(relativePath, operation: "readlink", hostPath: hostPath) }
        return String(decoding: buffer[..<count], as: UTF8.self)
    }

    /// A `layer_unreadable` error for the current `errno`.
    static func unreadable(_ relativePath: String, operation: String, hostPath: String) -> HangarError {
        let failure = LayerIOFailure(operation: operation, path: hostPath, errno: errno)
        let message =
            relativePath.isEmpty
            ? "cannot read a workspace layer" : "cannot read '\(relativePath)' in a workspace layer"
        return HangarError(.layerUnreadable, message, underlying: failure)
    }
}
