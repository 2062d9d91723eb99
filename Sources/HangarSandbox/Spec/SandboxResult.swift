/// How a sandboxed command ended, and its capped output.
public struct SandboxResult: Sendable, Codable, Equatable {
    /// The exit status when the command exited normally.
    public var exitCode: Int32?
    /// The signal that ended the command (9 after a timeout or an out-of-memory kill).
    public var signal: Int32?
    public var timedOut: Bool
    /// The memory limit was reached and the kernel killed a process of the tree.
    public var oomKilled: Bool
    /// A fork failed because the pids limit was reached.
    public var pidsLimitHit: Bool
    public var durationMs: Int64
    public var stdout: String
    public var stderr: String
    public var stdoutTruncated: Bool
    public var stderrTruncated: Bool

    public init(
        exitCode: Int32?, signal: Int32?, timedOut: Bool, oomKilled: Bool, pidsLimitHit: Bool, durationMs: Int64,
        stdout: String, stderr: String, stdoutTruncated: Bool, stderrTruncated: Bool
    ) {
        self.exitCode = exitCode
        self.signal = signal
        self.timedOut = timedOut
        self.oomKilled = oomKilled
        self.pidsLimitHit = pidsLimitHit
        self.durationMs = durationMs
        self.stdout = stdout
        self.stderr = stderr
        self.stdoutTruncated = stdoutTruncated
        self.stderrTruncated = stderrTruncated
    }

    enum CodingKeys: String, CodingKey {
        case signal, stdout, stderr
        case exitCode = "exit_code"
        case timedOut = "timed_out"
        case oomKilled = "oom_killed"
        case pidsLimitHit = "pids_limit_hit"
        case durationMs = "duration_ms"
        case stdoutTruncated = "stdout_truncated"
        case stderrTruncated = "stderr_truncated"
    }
}
