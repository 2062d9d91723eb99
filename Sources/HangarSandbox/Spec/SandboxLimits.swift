/// Resource limits of one sandboxed command. `nil` means no limit beyond the server's own.
public struct SandboxLimits: Sendable, Equatable {
    /// Wall-clock time from start; on expiry the whole process tree is killed and the result says `timed_out`.
    public var timeout: Duration?
    /// Memory (and memory plus swap) of the whole tree, at least 8 MiB.
    public var memoryBytes: Int64?
    /// Number of processes and threads of the command's tree, at least 1.
    public var pids: Int?
    /// CPU time as a fraction of one core (0.5 = half a core), greater than 0 and at most the number of cores.
    public var cpuFraction: Double?

    public init(timeout: Duration? = nil, memoryBytes: Int64? = nil, pids: Int? = nil, cpuFraction: Double? = nil) {
        self.timeout = timeout
        self.memoryBytes = memoryBytes
        self.pids = pids
        self.cpuFraction = cpuFraction
    }

    /// The smallest memory limit accepted: below it not even the sandbox's init fits.
    public static let minimumMemoryBytes: Int64 = 8 << 20
}
