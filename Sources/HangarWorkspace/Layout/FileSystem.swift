import Foundation
import HangarCore

#if canImport(Glibc)
    import Glibc
#endif

/// The few file-system calls the runtime makes, with errors mapped to `workspace_io` (messages never carry the
/// server's paths; the path goes to the underlying error for logs).
enum FileSystem {
    static func makeDirectory(_ path: String, mode: mode_t = 0o755) throws {
        if mkdir(path, mode) == 0 { return }
        if errno == EEXIST { return }
        if errno == ENOENT {
            try makeDirectory((path as NSString).deletingLastPathComponent, mode: 0o755)
            if mkdir(path, mode) == 0 || errno == EEXIST { return }
        }
        throw failure("cannot create a directory", path)
    }

    static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// Flushes the file system that holds `path` (`syncfs`): what a checkpoint freezes is on disk first.
    static func sync(_ path: String) throws {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure("cannot open a directory to sync", path) }
        defer { close(descriptor) }
        guard hangar_syncfs(descriptor) == 0 else { throw failure("cannot sync the file system", path) }
    }

    /// Removes a tree. Used by `gc` only; the runtime never deletes a layer the log still references.
    static func removeTree(_ path: String) throws {
        guard exists(path) else { return }
        do {
            try FileManager.default.removeItem(atPath: path)
        } catch {
            throw HangarError(.workspaceIO, "cannot remove a directory", underlying: error)
        }
    }

    static func entries(_ path: String) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
    }

    static func failure(_ message: String, _ path: String) -> HangarError {
        let code = errno
        return HangarError(.workspaceIO, message, underlying: POSIXFailure(path: path, errno: code))
    }
}

/// An `errno` with the path it happened on, for logs.
struct POSIXFailure: Error, CustomStringConvertible {
    var path: String
    var errno: Int32

    var description: String { "\(path): \(String(cString: strerror(errno)))" }
}

/// `syncfs(2)`, which Glibc's Swift module does not export: looked up once with `dlsym` and called through a
/// `@convention(c)` pointer, so the C calling convention is honoured.
private func hangar_syncfs(_ descriptor: Int32) -> Int32 {
    guard let function = SyncFunction.resolved.function else { return fsync(descriptor) }
    return function(descriptor)
}

private struct SyncFunction: @unchecked Sendable {
    typealias Function = @convention(c) (Int32) -> Int32
    /// A C function pointer is immutable and callable from any thread.
    let function: Function?

    static let resolved = SyncFunction(function: dlsym(nil, "syncfs").map { unsafeBitCast($0, to: Function.self) })
}
