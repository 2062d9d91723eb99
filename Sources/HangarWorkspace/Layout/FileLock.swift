import Foundation
import HangarCore

#if canImport(Glibc)
    import Glibc
#endif

/// An advisory `flock` on a file under `locks/`, shared or exclusive. It works across processes and is
/// released by the kernel when the holder dies, so a crash never leaves a vault or workspace locked.
final class FileLock: Sendable {
    enum Mode {
        case shared
        case exclusive
    }

    private let descriptor: Int32

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    /// Takes the lock without waiting; nil when someone else holds it.
    static func attempt(_ path: String, _ mode: Mode) throws -> FileLock? {
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw FileSystem.failure("cannot open a lock file", path) }
        let operation = (mode == .shared ? LOCK_SH : LOCK_EX) | LOCK_NB
        if flock(descriptor, operation) == 0 { return FileLock(descriptor: descriptor) }
        close(descriptor)
        return nil
    }

    /// How long a vault lock is waited for before `vault_busy`. Not zero: a child process forked anywhere in
    /// this process holds a copy of every open descriptor (and so of the `flock`) until its exec closes it, so
    /// a lock just released can look held for a moment.
    static let contendedWait: Duration = .milliseconds(250)

    /// Takes the lock, retrying every 5 ms until `timeout`; throws `busy` when it stays held.
    static func acquire(
        _ path: String, _ mode: Mode, timeout: Duration, busy: @autoclosure () -> HangarError
    ) async throws -> FileLock {
        let deadline = ContinuousClock.now + timeout
        while true {
            if let lock = try attempt(path, mode) { return lock }
            if ContinuousClock.now >= deadline { throw busy() }
            try await Task.sleep(for: .milliseconds(5))
        }
    }
}
