import Crypto
import Foundation
import HangarCore
import HangarStore

extension WorkspaceRuntime {
    /// Approves a pending request, by the token `exec` returned. The next `exec` of exactly that command with
    /// the token runs it, once.
    public func approve(_ token: String, by approver: String) async throws -> Approval {
        var approval = try await approvalRecord(token)
        guard approval.state == .pending else {
            throw HangarError(.approvalUsed, "this approval was already \(approval.state.rawValue)")
        }
        guard approval.expiresAt > clock.nowMilliseconds() else {
            throw HangarError(.approvalInvalid, "this approval token has expired")
        }
        approval.state = .approved
        approval.approvedBy = approver
        try await record(
            WorkspaceEventKind.approvalGranted, stream: "approval:\(approval.id)",
            ["approval": try JSONValue(encoding: approval)])
        return approval
    }

    /// Stores a pending approval for this exact command and returns its one-time token.
    func requestApproval(workspace: String, argv: [String], fingerprint: String, decision: PolicyDecision)
        async throws -> ExecResult.ApprovalTicket
    {
        let token = Self.newToken()
        let now = clock.nowMilliseconds()
        let approval = Approval(
            id: Self.tokenID(token), workspace: workspace, fingerprint: fingerprint, argv: argv, rule: decision.rule,
            reason: decision.reason, state: .pending, createdAt: now,
            expiresAt: now + configuration.approvalLifetimeMilliseconds, approvedBy: nil)
        try await record(
            WorkspaceEventKind.approvalRequested, stream: "approval:\(approval.id)",
            ["approval": try JSONValue(encoding: approval)])
        return ExecResult.ApprovalTicket(token: token, expiresAt: approval.expiresAt)
    }

    /// Checks that the token was approved for exactly this command and marks it consumed. Two racing uses
    /// append the same idempotency key with different payloads, so exactly one wins.
    func consumeApproval(_ token: String, fingerprint: String, workspace: String) async throws {
        var approval = try await approvalRecord(token)
        guard approval.state != .consumed else { throw HangarError(.approvalUsed, "this approval was used already") }
        guard approval.state == .approved else {
            throw HangarError(.approvalInvalid, "this approval token has not been approved yet")
        }
        guard approval.workspace == workspace, approval.fingerprint == fingerprint else {
            throw HangarError(.approvalInvalid, "this approval token was issued for a different command")
        }
        guard approval.expiresAt > clock.nowMilliseconds() else {
            throw HangarError(.approvalInvalid, "this approval token has expired")
        }
        approval.state = .consumed
        var payload: [String: JSONValue] = ["approval": try JSONValue(encoding: approval)]
        payload["use"] = .string(ULID(clock: clock).description)
        do {
            _ = try await storage.append(
                EventDraft(
                    stream: "approval:\(approval.id)", kind: WorkspaceEventKind.approvalConsumed, actor: actor,
                    payload: .object(payload), idempotencyKey: "approval.consumed:\(approval.id)"))
        } catch let error as HangarError where error.code == .idempotencyConflict {
            throw HangarError(.approvalUsed, "this approval was used already")
        }
    }

    public func approvals(state: Approval.State? = nil) async throws -> [Approval] {
        try await storage.projectionRows(WorkspaceProjector.approvals, prefix: [], limit: Self.listLimit)
            .map { try Self.decode($0, as: Approval.self) }
            .filter { state == nil || $0.state == state }
    }

    private func approvalRecord(_ token: String) async throws -> Approval {
        guard token.hasPrefix(Self.tokenPrefix), token.utf8.count < 200,
            let row = try await storage.projectionRow(WorkspaceProjector.approvals, key: [.text(Self.tokenID(token))])
        else { throw HangarError(.approvalNotFound, "no approval matches this token") }
        return try Self.decode(row, as: Approval.self)
    }

    static let tokenPrefix = "hap_"

    /// 32 random bytes, hex, with a prefix that secret scanners can match.
    static func newToken() -> String {
        let bytes = SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) }
        return tokenPrefix + bytes.map { String(format: "%02x", $0) }.joined()
    }

    /// What the log stores instead of the token.
    static func tokenID(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
