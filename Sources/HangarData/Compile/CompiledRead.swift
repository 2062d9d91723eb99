/// A compiled read whose result columns are exactly ``fields``: `db.get`, and `db.aggregate` (whose result
/// columns are ``fields`` followed by the aggregate value).
public struct CompiledRead: Sendable, Hashable {
    public var statement: CompiledStatement
    public var fields: [ExposedField]
    /// The most rows the runtime may return; a statement that yields more is `too_many_rows` (aggregates ask for
    /// one more group than this to detect it).
    public var maxRows: Int
}
