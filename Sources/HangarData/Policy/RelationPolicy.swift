/// A relation the agent may `include`: this model's `from` column equals `to` in `model`.
public struct RelationPolicy: Sendable, Hashable {
    /// The largest `max_depth` a relation may have.
    public static let maximumDepth = 4

    public var model: String
    public var from: String
    public var to: String
    /// One-to-many (true) or many-to-one (false, the default).
    public var many: Bool
    /// How many levels of includes may go through this relation (1 by default).
    public var maxDepth: Int

    public init(model: String, from: String, to: String, many: Bool = false, maxDepth: Int = 1) {
        self.model = model
        self.from = from
        self.to = to
        self.many = many
        self.maxDepth = maxDepth
    }
}
