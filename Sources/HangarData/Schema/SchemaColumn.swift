/// One column of a table as the database declares it.
public struct SchemaColumn: Sendable, Hashable {
    /// The canonical name, as the database spells it.
    public var name: String
    /// The declared type as the database reports it (`VARCHAR(20)`, `timestamp with time zone`).
    public var declaredType: String
    /// The type the data tools treat the column as; nil for a type they do not support (such as a PostgreSQL
    /// array), which the policy may not expose.
    public var type: ColumnType?
    public var nullable: Bool
    /// Whether the column is part of the table's primary key.
    public var primaryKey: Bool

    public init(name: String, declaredType: String, type: ColumnType?, nullable: Bool, primaryKey: Bool) {
        self.name = name
        self.declaredType = declaredType
        self.type = type
        self.nullable = nullable
        self.primaryKey = primaryKey
    }
}
