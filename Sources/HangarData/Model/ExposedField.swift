/// A column the policy lets the agent see, joined with the database schema.
public struct ExposedField: Sendable, Hashable {
    /// The column's canonical name as the database spells it; the only spelling that reaches SQL.
    public var name: String
    public var type: ColumnType
    public var nullable: Bool
    public var access: FieldAccess
    public var filterable: Bool
    public var sortable: Bool
    public var aggregatable: Bool
    /// Whether writes may set it; `nil` in the initializer means "when allowed in plain text".
    public var writable: Bool

    public init(
        name: String, type: ColumnType, nullable: Bool, access: FieldAccess, filterable: Bool, sortable: Bool,
        aggregatable: Bool, writable: Bool? = nil
    ) {
        self.name = name
        self.type = type
        self.nullable = nullable
        self.access = access
        self.filterable = filterable
        self.sortable = sortable
        self.aggregatable = aggregatable
        self.writable = writable ?? (access == .allow)
    }
}
