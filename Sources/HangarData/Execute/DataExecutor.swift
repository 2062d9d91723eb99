/// Runs compiled read statements against the operator's database (never Hangar's own store).
///
/// An executor is the last line of defence below the compiler: every read runs in a read-only transaction,
/// is stopped when `timeout` passes (`statement_timeout`), and fails with `database_error` for anything the
/// database refuses. No error it throws carries SQL text, a server path or a hidden column name.
public protocol DataExecutor: Sendable {
    /// Runs `statement` read-only as `principal` on `model`'s table and returns its rows, one ``DataValue`` per
    /// result column, in column order.
    ///
    /// - Throws: `statement_timeout` when `timeout` passes; `database_error` when the database refuses the
    ///   statement (a write, a hidden column, a syntax error) or fails.
    func read(_ statement: CompiledStatement, model: ExposedModel, principal: Principal, timeout: Duration)
        async throws -> [[DataValue]]

    /// Releases the executor's connections; later reads fail.
    func close() async throws
}
