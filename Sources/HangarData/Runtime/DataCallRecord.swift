import HangarCore
import HangarStore

/// What the audit event of one data tool call says; filled in as the call proceeds and appended once at the
/// end, whatever the outcome (see ``DataRuntime``).
struct DataCallRecord {
    enum Decision: String {
        /// The call ran.
        case allowed
        /// The call was refused (its error code says why) or failed.
        case refused
        /// The write was stored for a human's approval and did not run.
        case held = "approval_required"
    }

    var tool: DataTool
    var principal: Principal
    var arguments: JSONValue
    var model: ExposedModel?
    var decision = Decision.allowed
    var error: HangarError?
    var rows = 0
    /// The write's `reason`, as the agent gave it.
    var reason: String?
    var before: [JSONValue]?
    var after: [JSONValue]?
    var approvalID: String?
    var approver: String?

    /// Canonical arguments above this size are recorded as their digest and size only.
    static let maximumRecordedArgumentBytes = 8192

    /// The `data.called` event, on stream `data:<principal id>`.
    func event(durationMicroseconds: Int64) -> EventDraft {
        var payload: [String: JSONValue] = [
            "tool": .string(tool.rawValue),
            "principal": .string(principal.id),
            "tenant": principal.tenant.map(JSONValue.string) ?? .null,
            "decision": .string(decision.rawValue),
            "rows": .int(Int64(rows)),
            "duration_us": .int(durationMicroseconds),
            "arguments": recordedArguments(),
        ]
        if let model { payload["model"] = .string(model.name) }
        if let error {
            payload["error"] = .string(error.code.rawValue)
            payload["message"] = .string(error.message)
        }
        if let reason { payload["reason"] = .string(reason) }
        if let before { payload["before"] = .array(before) }
        if let after { payload["after"] = .array(after) }
        if let approvalID { payload["approval_id"] = .string(approvalID) }
        if let approver { payload["approver"] = .string(approver) }
        return EventDraft(
            stream: Self.stream(principal: principal.id), kind: Self.kind, actor: approver ?? principal.id,
            payload: .object(payload))
    }

    static let kind = "data.called"

    static func stream(principal: String) -> String { "data:" + principal }

    /// The arguments with sensitive values redacted (``AuditRedaction``), or only their digest and size when
    /// large.
    private func recordedArguments() -> JSONValue {
        let redacted = AuditRedaction.redact(arguments, model: model)
        let text = redacted.canonicalString()
        guard text.utf8.count > Self.maximumRecordedArgumentBytes else { return redacted }
        return ["omitted": "too large", "bytes": .int(Int64(text.utf8.count))]
    }
}
