/// A table the policy lets the agent use, with only the fields it may see and the rules that apply to it.
/// Built by joining the policy with the introspected schema; the compiler takes nothing else.
public struct ExposedModel: Sendable, Hashable {
    /// The model's name for the agent, which is the table's canonical name.
    public var name: String
    /// The primary-key column (canonical), used by `db.get`, keyset cursors and writes. It is exposed only if
    /// the policy allows it as a field.
    public var primaryKey: String
    /// Allowed fields by canonical name.
    public var fields: [String: ExposedField]
    /// Hidden row-scope columns, ANDed at the root of every statement and immutable in writes.
    public var tenantColumn: String?
    public var ownerColumn: String?
    /// Rows with a non-null value here are treated as deleted and never returned.
    public var softDeleteColumn: String?
    /// Relations the agent may `include`, by relation name.
    public var relations: [String: ExposedRelation]
    public var budgets: DataBudgets
    public var writes: WritePolicy

    public init(
        name: String, primaryKey: String, fields: [String: ExposedField], tenantColumn: String? = nil,
        ownerColumn: String? = nil, softDeleteColumn: String? = nil, relations: [String: ExposedRelation] = [:],
        budgets: DataBudgets = DataBudgets(), writes: WritePolicy = WritePolicy()
    ) {
        self.name = name
        self.primaryKey = primaryKey
        self.fields = fields
        self.tenantColumn = tenantColumn
        self.ownerColumn = ownerColumn
        self.softDeleteColumn = softDeleteColumn
        self.relations = relations
        self.budgets = budgets
        self.writes = writes
    }
}

/// A relation from one model to another: `from` column of this model equals `to` column of `model`.
public struct ExposedRelation: Sendable, Hashable {
    public var model: String
    public var from: String
    public var to: String
    /// `one` (many-to-one) or `many` (one-to-many).
    public var many: Bool
    public var maxDepth: Int

    public init(model: String, from: String, to: String, many: Bool, maxDepth: Int) {
        self.model = model
        self.from = from
        self.to = to
        self.many = many
        self.maxDepth = maxDepth
    }
}
