import HangarCore
import Logging
import PostgresNIO
import Synchronization

/// The storage's way to the server: a `PostgresClient` connection pool, with the wait for a connection
/// bounded. The pool retries an unreachable server for a minute before it fails a request; Hangar fails
/// after ``connectTimeout`` with `database_unavailable` instead, so `/ready` and callers never hang.
struct PostgresPool: Sendable {
    static let connectTimeout = Duration.seconds(5)

    let client: PostgresClient
    let logger: Logger

    /// Leases a connection for `body`. Only the wait for the lease is bounded; once `body` runs it is never
    /// interrupted, so a transaction is not cut half-way by the timeout.
    func withConnection<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection) async throws -> T)
        async throws -> T
    {
        let gate = LeaseGate()
        let client = client
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask {
                do {
                    return try await client.withConnection { connection in
                        guard gate.enter() else { throw CancellationError() }
                        return try await body(connection)
                    }
                } catch let error where gate.neverEntered {
                    throw PostgresPool.unreachable(error)
                }
            }
            group.addTask {
                try? await Task.sleep(for: Self.connectTimeout)
                guard gate.expire() else { return nil }
                throw HangarError(.databaseUnavailable, "no PostgreSQL connection within \(Self.connectTimeout)")
            }
            while let result = try await group.next() {
                if let value = result {
                    group.cancelAll()
                    return value
                }
            }
            throw HangarError(.internal, "the connection lease ended without a result")
        }
    }

    /// Runs `body` in a transaction: committed when it returns, rolled back when it throws.
    func transaction<T: Sendable>(
        _ isolation: String = "READ COMMITTED", _ body: @escaping @Sendable (PostgresConnection) async throws -> T
    ) async throws -> T {
        try await withConnection { connection in
            try await execute("BEGIN ISOLATION LEVEL \(isolation)", on: connection)
            let value: T
            do {
                value = try await body(connection)
            } catch {
                do {
                    try await execute("ROLLBACK", on: connection)
                } catch {
                    // A connection that cannot roll back is in an unknown state: it must not go back to the pool.
                    try? await connection.close()
                }
                throw error
            }
            try await execute("COMMIT", on: connection)
            return value
        }
    }

    /// Runs a statement and returns every row. Rows are always read to the end: PostgreSQL reports errors
    /// of a statement that returns rows (a lock failure, say) only after its row description.
    func rows(_ statement: SQLStatement, on connection: PostgresConnection) async throws -> [PostgresRow] {
        try await connection.query(PostgresValues.query(statement), logger: logger).collect()
    }

    func rows(_ sql: String, on connection: PostgresConnection) async throws -> [PostgresRow] {
        try await rows(SQLStatement(sql: sql, binds: []), on: connection)
    }

    func execute(_ statement: SQLStatement, on connection: PostgresConnection) async throws {
        _ = try await rows(statement, on: connection)
    }

    func execute(_ sql: String, on connection: PostgresConnection) async throws {
        _ = try await rows(sql, on: connection)
    }

    /// A failure to obtain a connection at all.
    static func unreachable(_ error: any Error) -> HangarError {
        let classified = PostgresErrors.classify(error)
        guard classified.code == .internal || classified.code == .unavailable else { return classified }
        return HangarError(.databaseUnavailable, "cannot reach PostgreSQL", underlying: error)
    }
}

/// Decides, once, whether a lease arrived in time or the wait expired first.
private final class LeaseGate: Sendable {
    private enum State { case waiting, entered, expired }
    private let state = Mutex(State.waiting)

    /// Called when the lease arrives; false when the wait has already expired.
    func enter() -> Bool { transition(to: .entered) }

    /// Called when the wait runs out; false when the lease has already arrived.
    func expire() -> Bool { transition(to: .expired) }

    var neverEntered: Bool { state.withLock { $0 != .entered } }

    private func transition(to next: State) -> Bool {
        state.withLock { state in
            guard state == .waiting else { return false }
            state = next
            return true
        }
    }
}
