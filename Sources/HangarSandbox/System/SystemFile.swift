import Glibc

/// The few file operations the runner needs, as thin wrappers over the system calls so that errors keep their
/// errno (cgroup files answer EBUSY, EINVAL or ENOENT, and the difference matters).
enum SystemFile {
    /// Writes `contents` to an existing file (a cgroup control file) or creates it with `mode`.
    static func write(_ contents: some Collection<UInt8>, to path: String, create mode: mode_t? = nil) throws {
        let flags = O_WRONLY | O_CLOEXEC | (mode == nil ? 0 : O_CREAT | O_TRUNC | O_EXCL)
        let fd = open(path, flags, mode ?? 0)
        guard fd >= 0 else { throw SystemCallError("open", path) }
        defer { close(fd) }
        let bytes = Array(contents)
        var done = 0
        while done < bytes.count {
            let written = bytes[done...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                throw SystemCallError("write", path)
            }
            done += written
        }
    }

    /// Writes a string (a cgroup value such as "33554432").
    static func write(_ value: String, to path: String) throws {
        try write(Array(value.utf8), to: path)
    }

    /// Reads a small file whole (a status line, a cgroup counter file); nil if it does not exist or fails.
    static func read(_ path: String) -> String? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count < 0 { return nil }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func exists(_ path: String) -> Bool {
        access(path, F_OK) == 0
    }

    /// Creates a directory; an existing one is fine when `existingIsFine`.
    static func makeDirectory(_ path: String, mode: mode_t = 0o700, existingIsFine: Bool = false) throws {
        if mkdir(path, mode) != 0 && !(existingIsFine && errno == EEXIST) {
            throw SystemCallError("mkdir", path)
        }
    }

    /// Names in a directory, without "." and ".."; empty if it cannot be read.
    static func entries(of path: String) -> [String] {
        guard let directory = opendir(path) else { return [] }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) {
                String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }
}
