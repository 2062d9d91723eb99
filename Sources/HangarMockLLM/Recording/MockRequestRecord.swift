import HangarCore

/// One request the mock received, as `GET /_mock/requests` shows it. Credentials are never kept: only whether
/// an `Authorization` or `x-api-key` header was present.
public struct MockRequestRecord: Sendable, Hashable, Encodable {
    /// How a request ended.
    public enum Outcome: String, Sendable, Hashable, Encodable {
        /// Answered in full (a reply, or scripted garbage).
        case completed
        /// Answered with an error: scripted, no matching rule, or a bad request.
        case error
        /// A stream the script cut (`cut_after_tokens`), or one the server cut while shutting down.
        case cut
        /// The client went away before the answer was complete.
        case clientClosed = "client_closed"
        /// Still being answered.
        case pending
    }

    /// 1, 2, 3… in arrival order; not reset by clearing the recorder.
    public var seq: Int
    public var path: String
    public var model: String?
    public var stream: Bool
    /// The index of the rule that answered, if one did.
    public var rule: Int?
    /// Epoch milliseconds.
    public var startedMilliseconds: Int64
    public var finishedMilliseconds: Int64?
    public var outcome: Outcome
    /// Tokens written so far (streams), or the reply's tokens (non-streaming replies).
    public var tokensSent: Int
    public var authorized: Bool

    public init(
        seq: Int, path: String, model: String?, stream: Bool, rule: Int?, startedMilliseconds: Int64,
        finishedMilliseconds: Int64? = nil, outcome: Outcome = .pending, tokensSent: Int = 0, authorized: Bool
    ) {
        self.seq = seq
        self.path = path
        self.model = model
        self.stream = stream
        self.rule = rule
        self.startedMilliseconds = startedMilliseconds
        self.finishedMilliseconds = finishedMilliseconds
        self.outcome = outcome
        self.tokensSent = tokensSent
        self.authorized = authorized
    }

    private enum CodingKeys: String, CodingKey {
        case seq, path, model, stream, rule, outcome, authorized
        case startedMilliseconds = "started_ms"
        case finishedMilliseconds = "finished_ms"
        case tokensSent = "tokens_sent"
    }

    /// Encodes absent values as `null` rather than leaving the keys out, so every record has the same keys.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(seq, forKey: .seq)
        try container.encode(path, forKey: .path)
        try container.encode(model, forKey: .model)
        try container.encode(stream, forKey: .stream)
        try container.encode(rule, forKey: .rule)
        try container.encode(startedMilliseconds, forKey: .startedMilliseconds)
        try container.encode(finishedMilliseconds, forKey: .finishedMilliseconds)
        try container.encode(outcome, forKey: .outcome)
        try container.encode(tokensSent, forKey: .tokensSent)
        try container.encode(authorized, forKey: .authorized)
    }
}
