import Glibc
import Synchronization

/// The identifier of one execution: "<runner pid>-<counter>-<random>". The pid lets a later runner tell
/// leftovers of a crashed process from live executions of another (see ``StaleSandboxCleanup``).
enum ExecID {
    private static let counter = Atomic<Int>(0)

    static func make() -> String {
        let sequence = counter.add(1, ordering: .relaxed).newValue
        return "\(getpid())-\(sequence)-\(String(UInt32.random(in: 0...UInt32.max), radix: 16))"
    }

    /// The pid an id starts with, nil for names that are not execution ids.
    static func ownerPID(of name: String) -> pid_t? {
        let parts = name.split(separator: "-")
        guard parts.count == 3, let pid = pid_t(parts[0]), pid > 0 else { return nil }
        return pid
    }
}
