internal import HangarCore
internal import Logging
public import PostgresNIO

/// A ``DataExecutor`` over the operator's PostgreSQL database.
///
/// Each call runs on one leased connection in one transaction: `BEGIN READ ONLY` for reads, `BEGIN` for writes;
/// then `statement_timeout` and `hangar.tenant` set for the transaction only (`set_config(…, true)`, the bound
/// form of `SET LOCAL`, so row-level security policies can use `current_setting('hangar.tenant')`); then the
/// statements, and `COMMIT` (`ROLLBACK` on any failure). The `client` must be running (`client.run()`, usually
/// as a service of the process's `ServiceGroup`); the executor does not own it.
public struct PostgresDataExecutor: DataExecutor {
    private let client: PostgresClient
    private let logger: Logger

    public init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    public func read(_ statement: CompiledStatement, model: ExposedModel, principal: Principal, timeout: Duration)
        async throws -> [[DataValue]]
    {
        try await transaction(readOnly: true, principal: principal, timeout: timeout) { connection, logger in
            try await Self.fetch(statement, on: connection, logger: logger)
        }
    }

    public func write(
        _ write: CompiledWrite, principal: Principal, timeout: Duration,
        after: @escaping @Sendable ([DataValue]) -> CompiledStatement?
    ) async throws -> WriteOutcome {
        try await transaction(readOnly: false, principal: principal, timeout: timeout) { connection, logger in
            var outcome = WriteOutcome(before: [], keys: [], after: [])
            if let before = write.before {
                outcome.before = try await Self.fetch(before, on: connection, logger: logger)
                try WriteOutcome.check(outcome.before.count, against: write)
            }
            outcome.keys = try await Self.fetch(write.statement, on: connection, logger: logger).compactMap(\.first)
            try WriteOutcome.check(outcome.keys.count, against: write)
            if let statement = after(outcome.keys) {
                outcome.after = try await Self.fetch(statement, on: connection, logger: logger)
            }
            return outcome
        }
    }

    /// Nothing to release: the caller owns and runs the client.
    public func close() async throws {}

    /// Runs `body` in a transaction with the statement timeout and the tenant set, mapping PostgreSQL's errors
    /// to Hangar's (the SQL and the cause stay in `underlying`).
    private func transaction<T: Sendable>(
        readOnly: Bool, principal: Principal, timeout: Duration,
        _ body: (PostgresConnection, Logger) async throws -> T
    ) async throws -> T {
        let logger = logger
        let milliseconds = max(
            1, timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000)
        do {
            return try await client.withConnection { connection in
                try await connection.query(readOnly ? "BEGIN READ ONLY" : "BEGIN", logger: logger)
                do {
                    // Both values are binds: `set_config(name, value, true)` is `SET LOCAL` with a parameter.
                    let tenant = principal.tenant ?? ""
                    try await connection.query(
                        """
                        SELECT set_config('statement_timeout', \(String(milliseconds)), true), \
                        set_config('hangar.tenant', \(tenant), true)
                        """,
                        logger: logger)
                    let result = try await body(connection, logger)
                    try await connection.query("COMMIT", logger: logger)
                    return result
                } catch {
                    _ = try? await connection.query("ROLLBACK", logger: logger)
                    throw error
                }
            }
        } catch let error as HangarError {
            throw error
        } catch let error as PSQLError {
            let state = error.serverInfo?[.sqlState] ?? ""
            if state == "57014" { throw HangarError.statementTimeout(timeout, underlying: error) }
            if state.hasPrefix("23") { throw HangarError.constraintViolation(error) }
            throw HangarError.databaseError(error)
        } catch {
            throw HangarError.databaseError(error)
        }
    }

    private static func fetch(_ statement: CompiledStatement, on connection: PostgresConnection, logger: Logger)
        async throws -> [[DataValue]]
    {
        let query = PostgresQuery(unsafeSQL: statement.sql, binds: bindings(statement.binds))
        var rows: [[DataValue]] = []
        for try await row in try await connection.query(query, logger: logger) {
            rows.append(try row.map(DataValue.init(postgres:)))
        }
        return rows
    }

    private static func bindings(_ values: [DataValue]) -> PostgresBindings {
        var bindings = PostgresBindings(capacity: values.count)
        for value in values {
            switch value {
            case .null: bindings.appendNull()
            case .integer(let integer): bindings.append(integer)
            case .real(let real): bindings.append(real)
            case .text(let text): bindings.append(text)
            case .boolean(let flag): bindings.append(flag)
            case .blob(let bytes): bindings.append(ByteBuffer(bytes: bytes))
            }
        }
        return bindings
    }
}
