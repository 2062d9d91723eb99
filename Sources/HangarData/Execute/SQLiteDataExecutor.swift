internal import GRDB
internal import HangarCore

/// A ``DataExecutor`` over an existing SQLite file the operator points at (not Hangar's own store).
///
/// Reads go through a connection opened read-only (GRDB `readonly` configuration), each through GRDB's read
/// API (`PRAGMA query_only`) after ``ReadAuthorizer`` has prepared it under an authorizer that allows only the
/// model's exposed, scope and primary-key columns. Writes, when the executor was opened `writable`, go through
/// a second connection in `BEGIN IMMEDIATE` transactions. A statement still running when its timeout passes
/// is interrupted (`sqlite3_interrupt`) and fails with `statement_timeout`; the executor answers the next call.
public struct SQLiteDataExecutor: DataExecutor {
    private let reader: DatabaseQueue
    private let writer: DatabaseQueue?
    private let authorizer: ReadAuthorizer

    /// Opens the SQLite file at `path`: read-only, and also for writes when `writable`.
    ///
    /// - Throws: `database_unavailable` when the file cannot be opened (the message names no path).
    public init(path: String, writable: Bool = false) throws {
        do {
            reader = try DatabaseQueue(path: path, configuration: Self.configuration(readonly: true))
            writer = writable ? try DatabaseQueue(path: path, configuration: Self.configuration(readonly: false)) : nil
            authorizer = try ReadAuthorizer(path: path)
        } catch let error as HangarError {
            throw error
        } catch {
            throw HangarError(.databaseUnavailable, "cannot open the database", underlying: error)
        }
    }

    public func read(_ statement: CompiledStatement, model: ExposedModel, principal: Principal, timeout: Duration)
        async throws -> [[DataValue]]
    {
        try authorizer.check(statement.sql, model: model)
        return try await Self.interrupting(reader, after: timeout) { queue in
            try await queue.read { db in try Self.fetch(statement, in: db) }
        }
    }

    public func write(
        _ write: CompiledWrite, principal: Principal, timeout: Duration,
        after: @escaping @Sendable ([DataValue]) -> CompiledStatement?
    ) async throws -> WriteOutcome {
        guard let writer else { throw HangarError.readOnlyExecutor() }
        return try await Self.interrupting(writer, after: timeout) { queue in
            try await queue.writeWithoutTransaction { db in
                var outcome = WriteOutcome(before: [], keys: [], after: [])
                try db.inTransaction(.immediate) {
                    if let before = write.before {
                        outcome.before = try Self.fetch(before, in: db)
                        try WriteOutcome.check(outcome.before.count, against: write)
                    }
                    outcome.keys = try Self.fetch(write.statement, in: db).compactMap(\.first)
                    try WriteOutcome.check(outcome.keys.count, against: write)
                    if let statement = after(outcome.keys) { outcome.after = try Self.fetch(statement, in: db) }
                    return .commit
                }
                return outcome
            }
        }
    }

    public func close() async throws {
        do {
            try reader.close()
            try writer?.close()
        } catch { throw HangarError.databaseError(error) }
    }

    private static func configuration(readonly: Bool) -> Configuration {
        var configuration = Configuration()
        configuration.readonly = readonly
        configuration.label = readonly ? "hangar.data.read" : "hangar.data.write"
        configuration.busyMode = .timeout(5)
        return configuration
    }

    /// Runs `body` on `queue`, interrupting the queue's statement when `timeout` passes; maps SQLite's errors
    /// to Hangar's (the SQL and the cause stay in `underlying`).
    private static func interrupting<T: Sendable>(
        _ queue: DatabaseQueue, after timeout: Duration,
        _ body: @escaping @Sendable (DatabaseQueue) async throws -> T
    ) async throws -> T {
        try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask {
                do {
                    return try await body(queue)
                } catch let error as HangarError {
                    throw error
                } catch let error as DatabaseError where error.resultCode == .SQLITE_INTERRUPT {
                    throw HangarError.statementTimeout(timeout, underlying: error)
                } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
                    throw HangarError.constraintViolation(error)
                } catch is CancellationError {
                    throw HangarError.statementTimeout(timeout)
                } catch {
                    throw HangarError.databaseError(error)
                }
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                // The statement may not have reached SQLite yet when the deadline passes, so keep interrupting
                // until it ends (the group cancels this task then); an idle connection ignores interrupts.
                while !Task.isCancelled {
                    queue.interrupt()
                    try await Task.sleep(for: .milliseconds(20))
                }
                return nil
            }
            defer { group.cancelAll() }
            while let result = try await group.next() {
                if let value = result { return value }
            }
            throw HangarError.statementTimeout(timeout)
        }
    }

    private static func fetch(_ statement: CompiledStatement, in db: Database) throws -> [[DataValue]] {
        let arguments = StatementArguments(statement.binds.map(\.databaseValue))
        // GRDB's per-connection statement cache: a query shape is prepared once, not on every call.
        let prepared = try db.cachedStatement(sql: statement.sql)
        try prepared.setArguments(arguments)
        let cursor = try Row.fetchCursor(prepared)
        var rows: [[DataValue]] = []
        while let row = try cursor.next() {
            rows.append(row.databaseValues.map(DataValue.init(sqlite:)))
        }
        return rows
    }
}
