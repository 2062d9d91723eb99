public import HangarCore

/// What a model costs, in integer atomic units of ``ModelPrice/currency`` per million tokens.
public struct ModelPrice: Sendable, Hashable {
    /// Gateway amounts are US dollars with six decimals (micro-dollars): a cheap model's price per token is a
    /// fraction of a cent, so cents would round most calls to zero.
    public static let currency = Currency(code: "USD", decimals: 6)

    public var inputPerMillion: Int64
    public var outputPerMillion: Int64
    public var cachedInputPerMillion: Int64

    public init(inputPerMillion: Int64, outputPerMillion: Int64, cachedInputPerMillion: Int64? = nil) {
        self.inputPerMillion = inputPerMillion
        self.outputPerMillion = outputPerMillion
        self.cachedInputPerMillion = cachedInputPerMillion ?? inputPerMillion
    }

    public static let free = ModelPrice(inputPerMillion: 0, outputPerMillion: 0)

    /// The cost of a call's usage, rounded up to a whole atomic unit so many tiny calls never add up to free.
    public func cost(of usage: TokenUsage) -> Int64 {
        let cached = min(usage.cachedInputTokens, usage.inputTokens)
        let micro =
            (usage.inputTokens - cached) * inputPerMillion + cached * cachedInputPerMillion
            + usage.outputTokens * outputPerMillion
        return (micro + 999_999) / 1_000_000
    }
}
