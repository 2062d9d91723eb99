import Foundation
import Glibc
public import Logging

/// Runs one command at a time per call in a fresh sandbox: private mount, PID, IPC, UTS and (unless the network
/// is `.host`) network namespaces; the host's directories read-only; `/root`, `/tmp` and the hidden paths
/// masked; the workspace overlay read-write at `/workspace`; no capabilities; cgroup limits on memory, pids
/// and cpu; a timeout that kills the whole tree.
///
/// The runner re-executes `helperExecutable` (the `hangar` binary) as `hangar __sandbox`, whose C code builds
/// the sandbox between fork and exec (see Sources/CHangarSandbox). Calls may run concurrently.
public struct SandboxRunner: Sendable {
    let helperExecutable: String
    let runDirectory: String
    let cgroupRoot: String
    let logger: Logger

    /// - Parameters:
    ///   - helperExecutable: the `hangar` binary, usually ``currentExecutable()``.
    ///   - runDirectory: a host directory for per-execution scratch (created if missing; hidden inside).
    ///   - logger: for set-up and clean-up events.
    public init(helperExecutable: String, runDirectory: String, logger: Logger) {
        self.init(
            helperExecutable: helperExecutable, runDirectory: runDirectory, cgroupRoot: "/sys/fs/cgroup",
            logger: logger)
    }

    init(helperExecutable: String, runDirectory: String, cgroupRoot: String, logger: Logger) {
        self.helperExecutable = helperExecutable
        self.runDirectory = runDirectory
        self.cgroupRoot = cgroupRoot
        self.logger = logger
        // A runner starts by clearing what a crashed process left behind; cheap when there is nothing.
        StaleSandboxCleanup.run(cgroupRoot: cgroupRoot, runDirectory: runDirectory, logger: logger)
    }

    /// The running executable's resolved path (`/proc/self/exe`), to pass as `helperExecutable`.
    /// The helper to run: `hangar-sandbox` beside `executable` when it was built (a small C program that starts
    /// in about a millisecond), else `executable` itself in its hidden `__sandbox` mode (what `swift run hangar`
    /// builds). Both take the same arguments.
    public static func helper(near executable: String = currentExecutable()) -> String {
        let sibling = URL(fileURLWithPath: executable).deletingLastPathComponent()
            .appendingPathComponent("hangar-sandbox").path
        return access(sibling, X_OK) == 0 ? sibling : executable
    }

    public static func currentExecutable() -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard length > 0 else { return CommandLine.arguments[0] }
        return String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The number of online cores, which bounds ``SandboxLimits/cpuFraction``.
    static var cores: Int { max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN))) }
}
