/// What the policy file says about one model (table).
public struct ModelPolicy: Sendable, Hashable {
    /// Fields by the name the policy gives them; a column not named here does not exist for the agent.
    public var fields: [String: FieldPolicy]
    /// The primary-key column; nil to take the table's single-column primary key from the schema.
    public var primaryKey: String?
    public var rowScope: RowScope
    public var relations: [String: RelationPolicy]
    public var writes: WritePolicy
    public var budgets: DataBudgets

    public init(
        fields: [String: FieldPolicy] = [:], primaryKey: String? = nil, rowScope: RowScope = RowScope(),
        relations: [String: RelationPolicy] = [:], writes: WritePolicy = WritePolicy(),
        budgets: DataBudgets = DataBudgets()
    ) {
        self.fields = fields
        self.primaryKey = primaryKey
        self.rowScope = rowScope
        self.relations = relations
        self.writes = writes
        self.budgets = budgets
    }
}
