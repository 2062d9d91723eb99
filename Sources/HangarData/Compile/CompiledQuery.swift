/// A compiled `db.query`.
///
/// The statement's result columns are ``fields`` (what the agent selected, in order) followed by any sort-key
/// columns the selection lacks, then by the `from` columns of ``includes`` that neither has; those extra
/// columns are for the cursor and the includes only and must not be shown. The statement fetches
/// `pageSize + 1` rows: when it returns more than ``pageSize``, the runtime returns the first `pageSize` rows and
/// ``DataCompiler/nextCursor(after:for:)`` of the last of them, after attaching ``includes`` to those rows with
/// ``IncludeResolver``.
public struct CompiledQuery: Sendable, Hashable {
    public var statement: CompiledStatement
    public var fields: [ExposedField]
    /// The result-column indexes of the sort-key values, in keyset order.
    public var sortKeyColumns: [Int]
    public var pageSize: Int
    public var cursorBinding: CursorBinding
    /// The relations to read after the page and attach to its rows; empty without `include`.
    public var includes: [CompiledInclude] = []
}
