internal import HangarCore
internal import Logging
public import PostgresNIO

/// A ``DataExecutor`` over the operator's PostgreSQL database.
///
/// Each read runs on one leased connection as `BEGIN READ ONLY`, `statement_timeout` and `hangar.tenant` set
/// for the transaction only (`set_config(…, true)`, the bound form of `SET LOCAL`, so row-level security
/// policies can use `current_setting('hangar.tenant')`), the statement, then `COMMIT` (`ROLLBACK` on failure).
/// The `client` must be running (`client.run()`, usually as a service of the process's `ServiceGroup`); the
/// executor does not own it.
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
        let logger = logger
        let milliseconds = max(
            1, timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000)
        do {
            return try await client.withConnection { connection in
                try await connection.query("BEGIN READ ONLY", logger: logger)
                do {
                    // Both values are binds: `set_config(name, value, true)` is `SET LOCAL` with a parameter.
                    let tenant = principal.tenant ?? ""
                    try await connection.query(
                        """
                        SELECT set_config('statement_timeout', \(String(milliseconds)), true), \
                        set_config('hangar.tenant', \(tenant), true)
                        """,
                        logger: logger)
                    let query = PostgresQuery(unsafeSQL: statement.sql, binds: Self.bindings(statement.binds))
                    var rows: [[DataValue]] = []
                    for try await row in try await connection.query(query, logger: logger) {
                        rows.append(try row.map(DataValue.init(postgres:)))
                    }
                    try await connection.query("COMMIT", logger: logger)
                    return rows
                } catch {
                    _ = try? await connection.query("ROLLBACK", logger: logger)
                    throw error
                }
            }
        } catch let error as PSQLError where error.serverInfo?[.sqlState] == "57014" {
            throw HangarError.statementTimeout(timeout, underlying: error)
        } catch let error as HangarError {
            throw error
        } catch {
            throw HangarError.databaseError(error)
        }
    }

    /// Nothing to release: the caller owns and runs the client.
    public func close() async throws {}

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
