import Crypto

#if canImport(Glibc)
    import Glibc
#endif

/// Streaming reads of regular files: byte comparison, SHA-256, and the text check of unified diffs.
enum FileContent {
    /// The chunk size of every streaming read.
    static let chunkSize = 64 * 1024
    /// Files of this size or more get no diff.
    static let diffSizeLimit: Int64 = 1024 * 1024
    /// How much of a file is searched for a NUL byte to call it binary.
    static let binaryProbeSize = 8 * 1024

    /// Whether the files at `lhs` and `rhs` hold the same bytes. Stops at the first difference.
    static func equal(_ lhs: String, _ rhs: String, relativePath: String) throws -> Bool {
        let left = try FileReader(lhs, relativePath: relativePath)
        let right = try FileReader(rhs, relativePath: relativePath)
        while true {
            let leftChunk = try left.next()
            let rightChunk = try right.next()
            if leftChunk != rightChunk { return false }
            if leftChunk.isEmpty { return true }
        }
    }

    /// The SHA-256 digest of the file at `path`.
    static func sha256(_ path: String, relativePath: String) throws -> SHA256.Digest {
        let reader = try FileReader(path, relativePath: relativePath)
        var hasher = SHA256()
        while true {
            let chunk = try reader.next()
            if chunk.isEmpty { return hasher.finalize() }
            hasher.update(data: chunk)
        }
    }

    /// Whether the file at `path` (of `size` bytes) is text for a diff: under 1 MiB and no NUL byte in its
    /// first 8 KiB.
    static func isText(_ path: String, size: Int64, relativePath: String) throws -> Bool {
        guard size < diffSizeLimit else { return false }
        let reader = try FileReader(path, relativePath: relativePath)
        var probed = 0
        while probed < binaryProbeSize {
            let chunk = try reader.next(limit: binaryProbeSize - probed)
            if chunk.isEmpty { return true }
            if chunk.contains(0) { return false }
            probed += chunk.count
        }
        return true
    }
}

/// A file opened read-only, read chunk by chunk, closed when released.
private final class FileReader {
    private let descriptor: Int32
    private let relativePath: String
    private let path: String

    init(_ path: String, relativePath: String) throws {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard descriptor >= 0 else {
            throw LayerFiles.unreadable(relativePath, operation: "open", hostPath: path)
        }
        self.descriptor = descriptor
        self.path = path
        self.relativePath = relativePath
    }

    deinit { close(descriptor) }

    /// The next chunk: full (`limit` bytes, at most ``FileContent/chunkSize``) unless the file ends first, so
    /// two readers of equal files always return equal chunks. Empty at the end of the file.
    func next(limit: Int = FileContent.chunkSize) throws -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: min(limit, FileContent.chunkSize))
        var filled = 0
        while filled < buffer.count {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + filled, $0.count - filled) }
            if count == 0 { break }
            if count > 0 {
                filled += count
            } else if errno != EINTR {
                throw LayerFiles.unreadable(relativePath, operation: "read", hostPath: path)
            }
        }
        buffer.removeLast(buffer.count - filled)
        return buffer
    }
}
