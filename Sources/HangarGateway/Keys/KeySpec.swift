import HangarCore

/// What `hangar keys create` asks for.
public struct KeySpec: Sendable, Hashable {
    public var name: String
    public var budget: Int64?
    public var periodSeconds: Int64?
    public var requestsPerMinute: Int64?
    public var tokensPerMinute: Int64?
    public var models: [String]?

    public init(
        name: String, budget: Int64? = nil, periodSeconds: Int64? = nil, requestsPerMinute: Int64? = nil,
        tokensPerMinute: Int64? = nil, models: [String]? = nil
    ) {
        self.name = name
        self.budget = budget
        self.periodSeconds = periodSeconds
        self.requestsPerMinute = requestsPerMinute
        self.tokensPerMinute = tokensPerMinute
        self.models = models
    }

    /// Parses a dollar amount (`5`, `5.00`, `0.004`) into micro-dollars, exactly (no floating point).
    public static func dollars(_ text: String) throws -> Int64 {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = Int64(parts[0]), whole >= 0, whole < 1_000_000_000 else {
            throw HangarError(.invalidArguments, "'\(text)' is not an amount of dollars such as 5.00")
        }
        var fraction: Int64 = 0
        if parts.count == 2 {
            let digits = parts[1]
            guard !digits.isEmpty, digits.count <= 6, digits.allSatisfy(\.isASCII), let value = Int64(digits) else {
                throw HangarError(.invalidArguments, "'\(text)' has more than 6 decimals or is not a number")
            }
            fraction = value * Int64(pow10(6 - digits.count))
        }
        return whole * 1_000_000 + fraction
    }

    /// Parses a period such as `30s`, `15m`, `1h`, `1d`, `1w` into seconds.
    public static func period(_ text: String) throws -> Int64 {
        let units: [Character: Int64] = ["s": 1, "m": 60, "h": 3_600, "d": 86_400, "w": 604_800]
        guard let unit = text.last, let multiplier = units[unit], let count = Int64(text.dropLast()), count > 0,
            count <= 10_000
        else {
            throw HangarError(.invalidArguments, "'\(text)' is not a period such as 30s, 15m, 1h, 1d or 1w")
        }
        return count * multiplier
    }

    private static func pow10(_ exponent: Int) -> Int {
        (0..<exponent).reduce(1) { value, _ in value * 10 }
    }
}
