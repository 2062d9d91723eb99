/// One compiled relation of a `db.query` `include`: how to read the related rows of a page of parent rows.
///
/// The related rows are read after the parent page, by one statement per batch of at most
/// ``maximumKeysPerStatement`` distinct parent keys (``statement(keys:)``):
/// `SELECT <columns> FROM "model" WHERE <scope> AND "to" IN (?, …) ORDER BY "pk"`; for a `many` relation the
/// rows are ranked per parent key (`ROW_NUMBER() OVER (PARTITION BY "to" ORDER BY "pk")`) in a subquery and
/// only the first ``limit`` of each are kept. The statement's result columns are ``fields`` followed by the
/// relation's `to` column and the `from` columns of nested includes when the selection lacks them; those extra
/// columns are for matching rows only and must not be shown. ``IncludeResolver`` runs the statements and
/// attaches the rows.
public struct CompiledInclude: Sendable, Hashable {
    /// Parent keys bound in one statement, well under SQLite's and PostgreSQL's bind limits.
    public static let maximumKeysPerStatement = 500

    /// The relation's name: the key of the included rows in each parent object.
    public var name: String
    public var relation: ExposedRelation
    /// The related model: the statement's table, with the row scope that applies to it.
    public var model: ExposedModel
    /// What the agent selected, in order: the first result columns of the statement.
    public var fields: [ExposedField]
    /// The result-column index, in the parent's rows, of the relation's `from` value.
    public var parentKeyColumn: Int
    /// The result-column index, in this include's rows, of the relation's `to` value.
    public var keyColumn: Int
    /// The most rows kept per parent key of a `many` relation; a many-to-one relation keeps the first row.
    public var limit: Int
    /// Nested includes, whose parent rows are this include's rows.
    public var includes: [CompiledInclude]

    /// The statement's result columns (canonical names).
    let columns: [String]
    let dialect: SQLDialect
    /// The principal whose row scope the statement applies.
    let principal: Principal

    /// The statement reading the related rows of the parent keys `keys` (distinct, non-null `from` values; at
    /// most ``maximumKeysPerStatement``), with the related model's row scope ANDed at its root. Every key is a
    /// bind; with no key the statement matches no row.
    ///
    /// - Throws: `row_scope_violation` when the model is tenant-scoped and the principal has no tenant (the
    ///   compiler has already refused such a query, so this does not happen for an include it compiled).
    public func statement(keys: [DataValue]) throws -> CompiledStatement {
        try DataCompiler.statement(for: self, keys: keys)
    }
}
