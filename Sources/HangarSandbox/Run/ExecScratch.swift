import Glibc
import HangarCore

/// The per-execution scratch directory under the runner's run directory (mode 0700):
///
///     <run>/<exec-id>/root     empty; the helper mounts the new root on it inside its own namespace
///     <run>/<exec-id>/env      the command's environment, NUL-separated (mode 0600: it may hold secrets)
///     <run>/<exec-id>/status   the helper's one-line result
struct ExecScratch: Sendable {
    let directory: String

    var rootDirectory: String { "\(directory)/root" }
    var environmentFile: String { "\(directory)/env" }
    var statusFile: String { "\(directory)/status" }

    static func create(in runDirectory: String, id: String, environment: [String: String]) throws -> ExecScratch {
        let scratch = ExecScratch(directory: "\(runDirectory)/\(id)")
        do {
            try SystemFile.makeDirectory(scratch.directory)
            try SystemFile.makeDirectory(scratch.rootDirectory, mode: 0o755)
            var bytes: [UInt8] = []
            for (key, value) in environment.sorted(by: { $0.key < $1.key }) {
                bytes.append(contentsOf: "\(key)=\(value)".utf8)
                bytes.append(0)
            }
            try SystemFile.write(bytes, to: scratch.environmentFile, create: 0o600)
        } catch {
            scratch.remove()
            throw HangarError(.sandboxFailed, "the sandbox's scratch directory could not be created", underlying: error)
        }
        return scratch
    }

    /// Removes the directory and its three entries. The root mount point is empty on the host: the mounts on
    /// it only ever existed in the helper's namespace.
    func remove() {
        unlink(environmentFile)
        unlink(statusFile)
        rmdir(rootDirectory)
        rmdir(directory)
    }
}
