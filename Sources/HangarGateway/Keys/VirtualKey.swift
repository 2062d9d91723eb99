public import HangarCore

/// A key the gateway hands to an agent instead of a provider's key. Only the SHA-256 of its secret is stored.
public struct VirtualKey: Sendable, Hashable {
    public var id: String
    public var name: String
    /// The cost budget per period (or for the key's lifetime without a period), in ``ModelPrice/currency``.
    public var budget: Int64?
    /// Seconds per budget period; the budget starts afresh at each multiple of it since the epoch.
    public var periodSeconds: Int64?
    /// Requests and tokens per minute.
    public var requestsPerMinute: Int64?
    public var tokensPerMinute: Int64?
    /// Aliases the key may use; nil means every one.
    public var models: [String]?
    public var createdMilliseconds: Int64
    public var revoked: Bool
    var secretHash: String

    public init(
        id: String, name: String, budget: Int64? = nil, periodSeconds: Int64? = nil, requestsPerMinute: Int64? = nil,
        tokensPerMinute: Int64? = nil, models: [String]? = nil, createdMilliseconds: Int64, revoked: Bool = false,
        secretHash: String
    ) {
        self.id = id
        self.name = name
        self.budget = budget
        self.periodSeconds = periodSeconds
        self.requestsPerMinute = requestsPerMinute
        self.tokensPerMinute = tokensPerMinute
        self.models = models
        self.createdMilliseconds = createdMilliseconds
        self.revoked = revoked
        self.secretHash = secretHash
    }

    public func allows(model: String) -> Bool { models.map { $0.contains(model) } ?? true }

    /// The ledger account of the period that contains `milliseconds`.
    public func budgetAccount(at milliseconds: Int64) -> String {
        guard let periodSeconds, periodSeconds > 0 else { return "key:\(id)" }
        return "key:\(id):\(milliseconds / 1000 / periodSeconds)"
    }

    /// Seconds until the period that contains `milliseconds` ends; nil without a period.
    public func secondsUntilPeriodEnd(at milliseconds: Int64) -> Int64? {
        guard let periodSeconds, periodSeconds > 0 else { return nil }
        let seconds = milliseconds / 1000
        return periodSeconds - seconds % periodSeconds
    }

    /// What `hangar keys list` and the create answer show; never the hash.
    public var summary: JSONValue {
        var object: [String: JSONValue] = [
            "id": .string(id), "name": .string(name), "created_ms": .int(createdMilliseconds),
            "revoked": .bool(revoked),
        ]
        object["budget_units"] = budget.map(JSONValue.int)
        object["period_seconds"] = periodSeconds.map(JSONValue.int)
        object["rpm"] = requestsPerMinute.map(JSONValue.int)
        object["tpm"] = tokensPerMinute.map(JSONValue.int)
        object["models"] = models.map { .array($0.map(JSONValue.string)) }
        return .object(object)
    }
}
