/// The per-model limits on one call.
public struct DataBudgets: Sendable, Hashable {
    public var maxRows: Int
    public var maxSelectedFields: Int
    public var maxFilterNodes: Int
    public var maxFilterDepth: Int
    public var maxInListSize: Int
    public var statementTimeoutMilliseconds: Int
    public var callsPerMinute: Int

    public init(
        maxRows: Int = 100, maxSelectedFields: Int = 50, maxFilterNodes: Int = 64, maxFilterDepth: Int = 8,
        maxInListSize: Int = 1000, statementTimeoutMilliseconds: Int = 2000, callsPerMinute: Int = 600
    ) {
        self.maxRows = maxRows
        self.maxSelectedFields = maxSelectedFields
        self.maxFilterNodes = maxFilterNodes
        self.maxFilterDepth = maxFilterDepth
        self.maxInListSize = maxInListSize
        self.statementTimeoutMilliseconds = statementTimeoutMilliseconds
        self.callsPerMinute = callsPerMinute
    }
}
