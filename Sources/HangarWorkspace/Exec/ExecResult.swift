import HangarSandbox

/// What `hangar exec` reports: the policy's decision, and when the command ran, how it ended, its capped
/// output, the checkpoint taken before it (if any) and the exact delta it made.
public struct ExecResult: Sendable, Codable, Equatable {
    /// A one-time token the user approves with `hangar approve TOKEN`; then the same command runs once.
    public struct ApprovalTicket: Sendable, Codable, Equatable {
        public var token: String
        public var expiresAt: Int64

        enum CodingKeys: String, CodingKey {
            case token
            case expiresAt = "expires_at"
        }
    }

    public var workspace: String
    public var decision: PolicyDecision
    /// False when the policy denied the command or it waits for approval.
    public var ran: Bool
    public var exitCode: Int32?
    public var signal: Int32?
    public var timedOut: Bool
    public var oomKilled: Bool
    public var pidsLimitHit: Bool
    public var durationMs: Int64
    public var stdout: String
    public var stderr: String
    public var stdoutTruncated: Bool
    public var stderrTruncated: Bool
    public var checkpoint: String?
    public var delta: WorkspaceDelta?
    public var mechanism: String
    public var approval: ApprovalTicket?

    enum CodingKeys: String, CodingKey {
        case workspace, decision, ran, signal, stdout, stderr, checkpoint, delta, mechanism, approval
        case exitCode = "exit_code"
        case timedOut = "timed_out"
        case oomKilled = "oom_killed"
        case pidsLimitHit = "pids_limit_hit"
        case durationMs = "duration_ms"
        case stdoutTruncated = "stdout_truncated"
        case stderrTruncated = "stderr_truncated"
    }

    /// A result for a command that did not run.
    static func notRun(workspace: String, decision: PolicyDecision, approval: ApprovalTicket? = nil) -> ExecResult {
        ExecResult(
            workspace: workspace, decision: decision, ran: false, exitCode: nil, signal: nil, timedOut: false,
            oomKilled: false, pidsLimitHit: false, durationMs: 0, stdout: "", stderr: "", stdoutTruncated: false,
            stderrTruncated: false, checkpoint: nil, delta: nil, mechanism: "overlay", approval: approval)
    }

    /// Succeeded: ran and exited 0.
    public var succeeded: Bool { ran && exitCode == 0 && !timedOut }
}
