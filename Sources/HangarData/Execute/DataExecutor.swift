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

    /// Runs `write` as `principal` in one read-write transaction (see ``CompiledWrite`` for the steps) and
    /// commits it, or rolls it all back when any step fails. `after` builds the after-snapshot statement from
    /// the keys the write returned.
    ///
    /// - Throws: `too_many_rows` when more rows than `write.maxAffectedRows` match or were written;
    ///   `constraint_violation` when the database refuses the values; `statement_timeout`; `database_error`;
    ///   `forbidden` when the executor was opened read-only.
    func write(
        _ write: CompiledWrite, principal: Principal, timeout: Duration,
        after: @escaping @Sendable ([DataValue]) -> CompiledStatement?
    ) async throws -> WriteOutcome

    /// Releases the executor's connections; later reads fail.
    func close() async throws
}
