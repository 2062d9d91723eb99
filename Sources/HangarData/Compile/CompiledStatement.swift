/// One SQL statement and its binds, in placeholder order. The SQL holds only keywords and quoted canonical
/// identifiers from the ``ExposedModel``; every value is a bind.
public struct CompiledStatement: Sendable, Hashable {
    public var sql: String
    public var binds: [DataValue]

    public init(sql: String, binds: [DataValue]) {
        self.sql = sql
        self.binds = binds
    }
}
