public import HangarCore

/// One entry of the append-only event log.
public struct Event: Sendable, Hashable, Codable {
    /// Position in the log: starts at 1, gap-free and monotonic per database.
    public var seq: Int64
    public var stream: String
    public var kind: String
    /// Milliseconds since the Unix epoch, from the store's clock.
    public var ts: Int64
    public var actor: String
    public var payload: JSONValue
    public var idempotencyKey: String?

    public init(
        seq: Int64, stream: String, kind: String, ts: Int64, actor: String, payload: JSONValue,
        idempotencyKey: String?
    ) {
        self.seq = seq
        self.stream = stream
        self.kind = kind
        self.ts = ts
        self.actor = actor
        self.payload = payload
        self.idempotencyKey = idempotencyKey
    }

    enum CodingKeys: String, CodingKey {
        case seq, stream, kind, ts, actor, payload
        case idempotencyKey = "idempotency_key"
    }
}
