internal import GRDB
internal import HangarCore

/// A ``DataExecutor`` over an existing SQLite file the operator points at (not Hangar's own store).
///
/// The file is opened read-only (GRDB `readonly` configuration); each read runs through GRDB's read API
/// (`PRAGMA query_only`) after ``ReadAuthorizer`` has prepared it under an authorizer that allows only the
/// model's exposed, scope and primary-key columns. A read still running when its timeout passes is
/// interrupted (`sqlite3_interrupt`) and fails with `statement_timeout`; the executor answers the next call.
public struct SQLiteDataExecutor: DataExecutor {
    private let queue: DatabaseQueue
    private let authorizer: ReadAuthorizer

    /// Opens the SQLite file at `path` read-only.
    ///
    /// - Throws: `database_unavailable` when the file cannot be opened (the message names no path).
    public init(path: String) throws {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.label = "hangar.data"
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
            authorizer = try ReadAuthorizer(path: path)
        } catch let error as HangarError {
            throw error
        } catch {
            throw HangarError(.databaseUnavailable, "cannot open the database read-only", underlying: error)
        }
    }

    public func read(_ statement: CompiledStatement, model: ExposedModel, principal: Principal, timeout: Duration)
        async throws -> [[DataValue]]
    {
        try authorizer.check(statement.sql, model: model)
        let queue = queue
        return try await withThrowingTaskGroup(of: [[DataValue]]?.self) { group in
            group.addTask {
                do {
                    return try await queue.read { db in try Self.fetch(statement, in: db) }
                } catch let error as DatabaseError where error.resultCode == .SQLITE_INTERRUPT {
                    throw HangarError.statementTimeout(timeout, underlying: error)
                } catch is CancellationError {
                    throw HangarError.statementTimeout(timeout)
                } catch {
                    throw HangarError.databaseError(error)
                }
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                // The read may not have reached SQLite yet when the deadline passes, so keep interrupting
                // until it ends (the group cancels this task then); an idle connection ignores interrupts.
                while !Task.isCancelled {
                    queue.interrupt()
                    try await Task.sleep(for: .milliseconds(20))
                }
                return nil
            }
            defer { group.cancelAll() }
            while let result = try await group.next() {
                if let rows = result { return rows }
            }
            throw HangarError.statementTimeout(timeout)
        }
    }

    public func close() async throws {
        do { try queue.close() } catch { throw HangarError.databaseError(error) }
    }

    private static func fetch(_ statement: CompiledStatement, in db: Database) throws -> [[DataValue]] {
        let arguments = StatementArguments(statement.binds.map(\.databaseValue))
        let prepared = try db.makeStatement(sql: statement.sql)
        try prepared.setArguments(arguments)
        let cursor = try Row.fetchCursor(prepared)
        var rows: [[DataValue]] = []
        while let row = try cursor.next() {
            rows.append(row.databaseValues.map(DataValue.init(sqlite:)))
        }
        return rows
    }
}
