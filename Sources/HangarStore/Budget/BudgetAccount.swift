public import HangarCore

/// A budget: a limit, what is reserved for calls in flight, and what has been spent. All amounts are
/// integer atomic units of `currency`; `reserved + spent` never exceeds `limit`.
public struct BudgetAccount: Sendable, Hashable, Codable {
    public var id: String
    public var currency: Currency
    public var limit: Int64
    public var reserved: Int64
    public var spent: Int64

    public init(id: String, currency: Currency, limit: Int64, reserved: Int64, spent: Int64) {
        self.id = id
        self.currency = currency
        self.limit = limit
        self.reserved = reserved
        self.spent = spent
    }

    /// What can still be reserved.
    public var available: Int64 { limit - reserved - spent }
}

/// Money set aside for one call before its cost is known.
public struct Reservation: Sendable, Hashable, Codable {
    public var id: String
    public var account: String
    public var amount: Int64

    public init(id: String, account: String, amount: Int64) {
        self.id = id
        self.account = account
        self.amount = amount
    }
}
