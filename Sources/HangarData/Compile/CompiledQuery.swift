/// A compiled `db.query`.
///
/// The statement's result columns are ``fields`` (what the agent selected, in order) followed by any sort-key
/// columns the selection lacks; those extra columns are for the cursor only and must not be shown. The
/// statement fetches `pageSize + 1` rows: when it returns more than ``pageSize``, the runtime returns the
/// first `pageSize` rows and ``DataCompiler/nextCursor(after:for:)`` of the last of them.
public struct CompiledQuery: Sendable, Hashable {
    public var statement: CompiledStatement
    public var fields: [ExposedField]
    /// The result-column indexes of the sort-key values, in keyset order.
    public var sortKeyColumns: [Int]
    public var pageSize: Int
    public var cursorBinding: CursorBinding
}
