public import HangarCore

/// An event before the log has given it a sequence number and a timestamp.
public struct EventDraft: Sendable, Hashable {
    /// The stream the event belongs to, such as `run:01J…` or `lease:build-42`.
    public var stream: String
    /// What happened, dot-separated: `lease.claimed`, `tool.called`.
    public var kind: String
    /// Who caused it: a user, an agent, a worker id, `system`.
    public var actor: String
    public var payload: JSONValue {
        didSet { encodedPayload = nil }
    }
    /// `payload` as canonical JSON, encoded on the caller's task before the draft reaches the single writer,
    /// so the writer's transaction does not spend its time in the JSON encoder.
    var encodedPayload: String?
    /// When set, appending the same key again returns the original event instead of writing a new one.
    public var idempotencyKey: String?

    public init(stream: String, kind: String, actor: String, payload: JSONValue, idempotencyKey: String? = nil) {
        self.stream = stream
        self.kind = kind
        self.actor = actor
        self.payload = payload
        self.idempotencyKey = idempotencyKey
    }

    public static func == (lhs: EventDraft, rhs: EventDraft) -> Bool {
        lhs.stream == rhs.stream && lhs.kind == rhs.kind && lhs.actor == rhs.actor && lhs.payload == rhs.payload
            && lhs.idempotencyKey == rhs.idempotencyKey
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(stream)
        hasher.combine(kind)
        hasher.combine(actor)
        hasher.combine(payload)
        hasher.combine(idempotencyKey)
    }

    /// This draft with its payload encoded.
    func encoded() -> EventDraft {
        var draft = self
        draft.encodedPayload = payload.canonicalString()
        return draft
    }

    /// Longest stream, kind, actor and idempotency key accepted.
    public static let maxNameLength = 200

    /// Refuses drafts the log must not store: empty or over-long names.
    public func validate() throws {
        for (field, value) in [("stream", stream), ("kind", kind), ("actor", actor)] {
            guard !value.isEmpty, value.utf8.count <= Self.maxNameLength else {
                throw HangarError(
                    .invalidArguments, "event \(field) must be 1 to \(Self.maxNameLength) bytes long")
            }
        }
        if let idempotencyKey, idempotencyKey.isEmpty || idempotencyKey.utf8.count > Self.maxNameLength {
            throw HangarError(
                .invalidArguments, "idempotency key must be 1 to \(Self.maxNameLength) bytes long")
        }
    }

    /// Whether `event` is what appending this draft would have written (same stream, kind, actor, payload):
    /// the test a re-used idempotency key has to pass.
    public func matches(_ event: Event) -> Bool {
        event.stream == stream && event.kind == kind && event.actor == actor && event.payload == payload
    }
}
