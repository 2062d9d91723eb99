import HangarCore

/// SQL for the `hangar_events` table in either dialect, and the decoding of its rows.
struct EventSQL: Sendable {
    static let table = "hangar_events"
    static let columns = "seq, stream, kind, ts, actor, payload, idempotency_key"
    /// Largest payload the log stores, as canonical JSON.
    static let maxPayloadBytes = 1 << 20

    let dialect: SQLDialect

    var insert: String {
        "INSERT INTO \(Self.table) (\(Self.columns)) VALUES (\(dialect.placeholders(7)))"
    }

    var selectByKey: String {
        "SELECT \(Self.columns) FROM \(Self.table) WHERE idempotency_key = \(dialect.placeholder(1))"
    }

    var selectHead: String { "SELECT COALESCE(MAX(seq), 0) FROM \(Self.table)" }

    var selectAll: String { "SELECT \(Self.columns) FROM \(Self.table) ORDER BY seq" }

    func page(_ query: EventQuery) -> SQLStatement {
        let limit = Int64(min(max(query.limit, 1), EventQuery.maxLimit))
        if let stream = query.stream {
            return SQLStatement(
                sql:
                    "SELECT \(Self.columns) FROM \(Self.table) WHERE seq > \(dialect.placeholder(1)) AND stream = \(dialect.placeholder(2)) ORDER BY seq LIMIT \(dialect.placeholder(3))",
                binds: [.integer(query.after), .text(stream), .integer(limit)])
        }
        return SQLStatement(
            sql:
                "SELECT \(Self.columns) FROM \(Self.table) WHERE seq > \(dialect.placeholder(1)) ORDER BY seq LIMIT \(dialect.placeholder(2))",
            binds: [.integer(query.after), .integer(limit)])
    }

    /// The bound values of `insert` for an event.
    static func binds(_ event: Event, payload: String) -> [ProjectionValue] {
        [
            .integer(event.seq), .text(event.stream), .text(event.kind), .integer(event.ts), .text(event.actor),
            .text(payload), event.idempotencyKey.map { .text($0) } ?? .null,
        ]
    }

    /// Builds an event from the seven columns in `columns` order.
    static func event(
        seq: Int64, stream: String, kind: String, ts: Int64, actor: String, payload: String, idempotencyKey: String?
    ) throws -> Event {
        let value: JSONValue
        do {
            value = try JSONValue.parse(payload, limits: JSONLimits(maxBytes: maxPayloadBytes, maxDepth: 128))
        } catch {
            throw HangarError(.databaseCorrupt, "event \(seq) has an unreadable payload")
        }
        return Event(
            seq: seq, stream: stream, kind: kind, ts: ts, actor: actor, payload: value, idempotencyKey: idempotencyKey)
    }

    /// Checks a draft and returns its canonical payload text.
    static func prepare(_ draft: EventDraft) throws -> String {
        try draft.validate()
        let payload = draft.encodedPayload ?? draft.payload.canonicalString()
        guard payload.utf8.count <= maxPayloadBytes else {
            throw HangarError(.payloadTooLarge, "event payload is larger than \(maxPayloadBytes) bytes")
        }
        return payload
    }

    /// What a draft whose idempotency key is already taken by `existing` yields: the stored event again, or
    /// `idempotency_conflict` when the draft differs from it.
    static func replay(_ draft: EventDraft, existing: Event) throws -> AppendedEvent {
        guard draft.matches(existing) else {
            throw HangarError(
                .idempotencyConflict,
                "idempotency key '\(draft.idempotencyKey ?? "")' was used for a different event (seq \(existing.seq))")
        }
        return AppendedEvent(event: existing, replayed: true)
    }
}
