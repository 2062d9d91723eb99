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

    /// Every key is always present, `null` when it does not apply, so clients can rely on the shape.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(workspace, forKey: .workspace)
        try container.encode(decision, forKey: .decision)
        try container.encode(ran, forKey: .ran)
        try container.encode(exitCode, forKey: .exitCode)
        try container.encode(signal, forKey: .signal)
        try container.encode(timedOut, forKey: .timedOut)
        try container.encode(oomKilled, forKey: .oomKilled)
        try container.encode(pidsLimitHit, forKey: .pidsLimitHit)
        try container.encode(durationMs, forKey: .durationMs)
        try container.encode(stdout, forKey: .stdout)
        try container.encode(stderr, forKey: .stderr)
        try container.encode(stdoutTruncated, forKey: .stdoutTruncated)
        try container.encode(stderrTruncated, forKey: .stderrTruncated)
        try container.encode(checkpoint, forKey: .checkpoint)
        try container.encode(delta, forKey: .delta)
        try container.encode(mechanism, forKey: .mechanism)
        try container.encode(approval, forKey: .approval)
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
