/// An amount of money in integer atomic units of a currency (cents for USD, micro-units for token budgets),
/// never floating point.
public struct Money: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public var units: Int64
    public var currency: Currency

    public init(units: Int64, currency: Currency) {
        self.units = units
        self.currency = currency
    }

    public static func < (lhs: Money, rhs: Money) -> Bool {
        precondition(lhs.currency == rhs.currency, "comparing amounts of different currencies")
        return lhs.units < rhs.units
    }

    /// Adds two amounts of the same currency; refuses a currency mismatch or an overflow.
    public func adding(_ other: Money) throws -> Money {
        guard currency == other.currency else {
            throw HangarError(.invalidArguments, "cannot add \(other.currency) to \(currency)")
        }
        let (sum, overflow) = units.addingReportingOverflow(other.units)
        guard !overflow else { throw HangarError(.invalidArguments, "amount overflows") }
        return Money(units: sum, currency: currency)
    }

    public var description: String { "\(units) \(currency.code) atomic units" }
}

/// A currency code and how many decimal places one whole unit has (USD: 2, USDC: 6).
public struct Currency: Sendable, Hashable, Codable, CustomStringConvertible {
    public var code: String
    public var decimals: Int

    public init(code: String, decimals: Int) {
        self.code = code
        self.decimals = decimals
    }

    public static let usd = Currency(code: "USD", decimals: 2)
    public static let usdc = Currency(code: "USDC", decimals: 6)

    public var description: String { code }
}
