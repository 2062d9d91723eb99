import Crypto

/// A content hash of a directory tree, the same whether the tree is a real directory or a stack of overlay
/// layers that has not been mounted.
///
/// The hash is the lowercase hex SHA-256 over one record per entry below the root (the root itself is not
/// included), in the UTF-8 byte order of the relative paths. A record is
/// `kind NUL mode NUL size NUL path NUL payload LF`: kind is `f`, `d`, `l` or `o` (FIFO, socket, device), mode
/// the permission bits in octal (with setuid, setgid, sticky), size the byte count of a regular file (0
/// otherwise), payload the hex SHA-256 of a file's content or a symbolic link's target. Neither mtimes nor
/// owners are hashed, nor the sizes of directories (which differ between file systems).
public enum TreeHash {
    /// The hash of the tree at `path`, not following symbolic links. Works on a mounted overlay.
    ///
    /// - Throws: `layer_unreadable` when the tree cannot be read.
    public static func directory(_ path: String) throws -> String {
        try hash(LayerScanner.entries(ofLayer: path, overlayMarkers: false))
    }

    /// The hash of the merged view of `layers` (top first), as overlayfs would show it: equal to
    /// ``directory(_:)`` of the same stack mounted, without mounting it.
    ///
    /// - Throws: `layer_unreadable` when a layer cannot be read.
    public static func layers(_ layers: [String]) throws -> String {
        try hash(LayerScanner.scan(layers: layers).entries.filter { $0.value.kind != .whiteout })
    }

    private static func hash(_ entries: [String: LayerEntry]) throws -> String {
        var hasher = SHA256()
        for (path, entry) in entries.sorted(by: { WorkspacePath.precedes($0.key, $1.key) }) {
            let kind: String
            var size: Int64 = 0
            var payload = ""
            switch entry.kind {
            case .file:
                kind = "f"
                size = entry.size
                payload = hex(try FileContent.sha256(entry.sourcePath, relativePath: path))
            case .directory:
                kind = "d"
            case .symlink:
                kind = "l"
                payload = entry.symlinkTarget ?? ""
            case .whiteout, .other:
                kind = "o"
            }
            let mode = String(entry.mode, radix: 8)
            hasher.update(data: Array("\(kind)\0\(mode)\0\(size)\0\(path)\0\(payload)\n".utf8))
        }
        return hex(hasher.finalize())
    }

    private static func hex(_ digest: SHA256.Digest) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(SHA256.byteCount * 2)
        for byte in digest {
            bytes.append(digits[Int(byte >> 4)])
            bytes.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
