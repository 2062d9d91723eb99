import HangarCore
import HangarStore

/// Everything about one call that ends up in its `llm.called` event, and the ledger settlement that goes with
/// it.
struct CallRecord: Sendable {
    enum Outcome: String, Sendable {
        case ok
        case error
        /// The client went away mid-stream; what was produced so far is billed.
        case clientClosed = "client_closed"
        /// The upstream ended a stream without finishing it.
        case cut
        case cacheHit = "cache_hit"
    }

    var context: CallContext
    var model: String
    var deployment: String?
    var stream: Bool
    var attempts: [Dispatcher.Attempt]
    var usage: TokenUsage
    /// True when the usage is the gateway's count of a stream cut short rather than the upstream's report.
    var usageEstimated = false
    var cost: Int64 = 0
    var reservation: Reservation?
    var outcome: Outcome
    var error: HangarError?
    var latency: Duration
    var upstream: Duration?

    static let kind = "llm.called"

    var stream_: String {
        if let run = context.run { return "run:\(run)" }
        return "llm:\(context.key?.id ?? "anonymous")"
    }

    /// What the ledger is charged: the cost, but never more than was reserved (the reservation is the ceiling
    /// the budget allowed; the event keeps the full cost).
    var charged: Int64 { reservation.map { min($0.amount, cost) } ?? 0 }

    var draft: EventDraft {
        var payload: [String: JSONValue] = [
            "call_id": .string(context.callID), "model": .string(model), "stream": .bool(stream),
            "client_format": .string(context.clientFormat.rawValue), "outcome": .string(outcome.rawValue),
            "input_tokens": .int(usage.inputTokens), "output_tokens": .int(usage.outputTokens),
            "cached_input_tokens": .int(usage.cachedInputTokens), "usage_estimated": .bool(usageEstimated),
            "cost_units": .int(cost), "charged_units": .int(charged),
            "currency": .string(ModelPrice.currency.code), "decimals": .int(Int64(ModelPrice.currency.decimals)),
            "latency_ms": .double((latency.milliseconds * 1000).rounded() / 1000),
            "attempts": .array(
                attempts.map { attempt in
                    [
                        "deployment": .string(attempt.deployment), "outcome": .string(attempt.outcome),
                        "status": attempt.status.map { .int(Int64($0)) } ?? .null,
                        "ms": .double((attempt.milliseconds * 1000).rounded() / 1000),
                    ]
                }),
        ]
        payload["key"] = context.key.map { .string($0.id) }
        payload["run"] = context.run.map(JSONValue.string)
        payload["deployment"] = deployment.map(JSONValue.string)
        payload["reserved_units"] = reservation.map { .int($0.amount) }
        if let upstream {
            // For a stream, the upstream time is the wait for its head; the rest of the call is the stream itself.
            payload[stream ? "upstream_head_ms" : "upstream_ms"] = .double(
                (upstream.milliseconds * 1000).rounded() / 1000)
            if !stream {
                payload["overhead_ms"] = .double(((latency - upstream).milliseconds * 1000).rounded() / 1000)
            }
        }
        if let error {
            payload["error"] = ["code": .string(error.code.rawValue), "message": .string(error.message)]
        }
        return EventDraft(
            stream: stream_, kind: Self.kind, actor: context.key.map { "key:\($0.id)" } ?? "anonymous",
            payload: .object(payload))
    }
}
