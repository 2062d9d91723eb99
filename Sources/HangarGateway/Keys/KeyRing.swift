public import HangarCore
public import HangarStore

/// The virtual keys, kept in the event log (stream `gateway-keys`) and mirrored in memory.
///
/// The mirror catches up with the log when a token names a key it does not know, and at most once a second
/// otherwise, so a key created or revoked by `hangar keys` in another process takes effect within a second.
public actor KeyRing {
    public static let stream = "gateway-keys"
    static let createdKind = "gateway.key.created"
    static let revokedKind = "gateway.key.revoked"

    private let storage: any HangarStorage
    private let clock: HangarClock
    private var keys: [String: VirtualKey] = [:]
    private var order: [String] = []
    private var lastSeq: Int64 = 0
    private var lastRefresh: Int64 = .min

    public init(storage: any HangarStorage, clock: HangarClock = .system) {
        self.storage = storage
        self.clock = clock
    }

    /// Creates a key; the returned token is the only time its secret exists outside the caller.
    public func create(_ spec: KeySpec, actor: String = "cli") async throws -> (key: VirtualKey, token: String) {
        guard !spec.name.isEmpty, spec.name.utf8.count <= 200 else {
            throw HangarError(.invalidArguments, "a key name must be 1 to 200 bytes long")
        }
        for (label, value) in [
            ("budget", spec.budget), ("period", spec.periodSeconds), ("rpm", spec.requestsPerMinute),
            ("tpm", spec.tokensPerMinute),
        ] {
            if let value, value <= 0 { throw HangarError(.invalidArguments, "\(label) must be positive") }
        }
        if spec.periodSeconds != nil, spec.budget == nil {
            throw HangarError(.invalidArguments, "a period needs a budget")
        }
        let token = KeyToken(id: ULID().description)
        let key = VirtualKey(
            id: token.id, name: spec.name, budget: spec.budget, periodSeconds: spec.periodSeconds,
            requestsPerMinute: spec.requestsPerMinute, tokensPerMinute: spec.tokensPerMinute, models: spec.models,
            createdMilliseconds: clock.nowMilliseconds(), secretHash: token.hash)
        var payload = key.summary.objectValue ?? [:]
        payload["hash"] = .string(key.secretHash)
        try await storage.append(
            EventDraft(stream: Self.stream, kind: Self.createdKind, actor: actor, payload: .object(payload)))
        try await refresh()
        return (key, token.text)
    }

    public func revoke(id: String, actor: String = "cli") async throws -> VirtualKey {
        try await refresh()
        guard var key = keys[id] else { throw HangarError(.notFound, "no key '\(id)'") }
        if !key.revoked {
            try await storage.append(
                EventDraft(
                    stream: Self.stream, kind: Self.revokedKind, actor: actor, payload: ["id": .string(id)],
                    idempotencyKey: "gateway-key-revoked:\(id)"))
            key.revoked = true
            try await refresh()
        }
        return key
    }

    public func list() async throws -> [VirtualKey] {
        try await refresh()
        return order.compactMap { keys[$0] }
    }

    /// The key a bearer token stands for; `invalid_api_key` for anything else, with the same message whether
    /// the key is unknown, the secret wrong or the key revoked.
    public func authenticate(_ text: String) async throws -> VirtualKey {
        let refused = HangarError(.invalidAPIKey, "the API key is not valid")
        guard let token = KeyToken(text) else { throw refused }
        let now = clock.nowMilliseconds()
        if keys[token.id] == nil || now - lastRefresh >= 1_000 { try await refresh() }
        guard let key = keys[token.id], KeyToken.equal(key.secretHash, token.hash), !key.revoked else { throw refused }
        return key
    }

    private func refresh() async throws {
        lastRefresh = clock.nowMilliseconds()
        while true {
            let events = try await storage.read(EventQuery(after: lastSeq, stream: Self.stream, limit: 1_000))
            for event in events { apply(event) }
            guard let last = events.last, events.count == 1_000 else {
                if let last = events.last { lastSeq = last.seq }
                return
            }
            lastSeq = last.seq
        }
    }

    private func apply(_ event: Event) {
        let payload = event.payload
        guard let id = payload["id"]?.stringValue else { return }
        switch event.kind {
        case Self.createdKind:
            guard let hash = payload["hash"]?.stringValue else { return }
            keys[id] = VirtualKey(
                id: id, name: payload["name"]?.stringValue ?? id, budget: payload["budget_units"]?.intValue,
                periodSeconds: payload["period_seconds"]?.intValue, requestsPerMinute: payload["rpm"]?.intValue,
                tokensPerMinute: payload["tpm"]?.intValue,
                models: payload["models"]?.arrayValue?.compactMap(\.stringValue),
                createdMilliseconds: payload["created_ms"]?.intValue ?? event.ts, secretHash: hash)
            order.append(id)
        case Self.revokedKind:
            keys[id]?.revoked = true
        default:
            break
        }
    }
}
