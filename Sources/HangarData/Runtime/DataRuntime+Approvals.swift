public import HangarCore
import HangarStore

extension DataRuntime {
    static let approvalRequested = "data.approval.requested"
    static let approvalConsumed = "data.approval.consumed"

    /// Runs a write that was held for approval, once: as the principal who asked for it, with its exact
    /// arguments, under the policy as it is now (a write the policy no longer allows is refused). Returns the
    /// write's result. The call's audit event names the approval and `approver`.
    ///
    /// - Throws: `not_found` for an unknown id; `data_approval_used` when it was approved before (two racing
    ///   approvals append the same idempotency key, so exactly one runs the write); the write's own errors.
    public func approve(_ id: String, by approver: String) async throws -> JSONValue {
        let request = try await pendingApproval(id)
        do {
            try await storage.append(
                EventDraft(
                    stream: Self.approvalStream(id), kind: Self.approvalConsumed, actor: approver,
                    payload: ["approval_id": .string(id), "use": .string(ULID().description)],
                    idempotencyKey: "\(Self.approvalConsumed):\(id)"))
        } catch let error as HangarError where error.code == .idempotencyConflict {
            throw HangarError.approvalUsed()
        }
        return try await call(
            request.tool, arguments: request.arguments, as: request.principal, approval: (id, approver))
    }

    /// Stores a write for approval and returns its id (`dap_` and a ULID).
    func holdForApproval(_ tool: DataTool, arguments: JSONValue, model: ExposedModel, principal: Principal)
        async throws -> String
    {
        let id = "dap_" + ULID().description.lowercased()
        let payload: JSONValue = [
            "approval_id": .string(id),
            "tool": .string(tool.rawValue),
            "model": .string(model.name),
            "principal": [
                "id": .string(principal.id),
                "tenant": principal.tenant.map(JSONValue.string) ?? .null,
                "scopes": .array(principal.scopes.sorted().map(JSONValue.string)),
            ],
            "arguments": arguments,
        ]
        try await storage.append(
            EventDraft(
                stream: Self.approvalStream(id), kind: Self.approvalRequested, actor: principal.id, payload: payload))
        return id
    }

    private struct PendingApproval {
        var tool: DataTool
        var principal: Principal
        var arguments: JSONValue
    }

    private func pendingApproval(_ id: String) async throws -> PendingApproval {
        let notFound = HangarError(.notFound, "no data approval '\(HangarError.echoed(id))'")
        guard id.hasPrefix("dap_"), let ulid = ULID(string: String(id.dropFirst(4))),
            id == "dap_" + ulid.description.lowercased()
        else { throw notFound }
        let events = try await storage.read(EventQuery(stream: Self.approvalStream(id), limit: 10))
        guard let requested = events.first(where: { $0.kind == Self.approvalRequested }) else { throw notFound }
        if events.contains(where: { $0.kind == Self.approvalConsumed }) { throw HangarError.approvalUsed() }
        let payload = requested.payload
        guard case .string(let toolName)? = payload["tool"], let tool = DataTool(rawValue: toolName),
            case .string(let principalID)? = payload["principal"]?["id"], let arguments = payload["arguments"]
        else { throw HangarError(.internal, "the stored approval is malformed") }
        let scopes = payload["principal"]?["scopes"]?.arrayValue?.compactMap(\.stringValue) ?? []
        let principal = Principal(
            id: principalID, tenant: payload["principal"]?["tenant"]?.stringValue, scopes: Set(scopes))
        return PendingApproval(tool: tool, principal: principal, arguments: arguments)
    }

    static func approvalStream(_ id: String) -> String { "data-approval:" + id }
}

extension HangarError.Code {
    /// The data approval was used already; each runs its write at most once.
    public static let dataApprovalUsed = Self("data_approval_used", family: .conflict)
}

extension HangarError {
    static func approvalUsed() -> HangarError {
        HangarError(.dataApprovalUsed, "this approval was used already; its write ran once")
    }
}
