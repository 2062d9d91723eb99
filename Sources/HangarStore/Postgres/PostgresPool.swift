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
        try await transaction(isolation, opening: []) { connection, _ in (try await body(connection), []) }
    }

    /// A transaction whose first statements go out with `BEGIN` and whose last ones (returned by `body`)
    /// go out with `COMMIT`, saving a round trip at each end. `body` gets the results of `opening`.
    func transaction<T: Sendable>(
        _ isolation: String, opening: [SQLStatement],
        _ body: @escaping @Sendable (PostgresConnection, [PostgresQueryResult]) async throws -> (T, [SQLStatement])
    ) async throws -> T {
        try await withConnection { connection in
            do {
                let begin = SQLStatement(sql: "BEGIN ISOLATION LEVEL \(isolation)", binds: [])
                let opened = try await run([begin] + opening, on: connection)
                let (value, closing) = try await body(connection, Array(opened.dropFirst()))
                let committed = try await run(closing + [SQLStatement(sql: "COMMIT", binds: [])], on: connection)
                // PostgreSQL answers COMMIT of a failed transaction with ROLLBACK, not an error.
                guard committed.last?.metadata.command == "COMMIT" else {
                    throw HangarError(.internal, "the transaction was rolled back")
                }
                return value
            } catch {
                do {
                    try await execute("ROLLBACK", on: connection)
                } catch {
                    // A connection that cannot roll back is in an unknown state: it must not go back to the pool.
                    try? await connection.close()
                }
                throw error
            }
        }
    }

    /// Sends every statement at once and waits for all their results, in order. PostgresNIO queues them on
    /// the connection and starts each as soon as the previous one is answered, so a pipeline costs one wait
    /// instead of one per statement. Throws the first failure, after every statement has been answered.
    func run(_ statements: [SQLStatement], on connection: PostgresConnection) async throws -> [PostgresQueryResult] {
        let futures = statements.map { connection.query(PostgresValues.query($0), logger: logger) }
        var results: [PostgresQueryResult] = []
        results.reserveCapacity(futures.count)
        var failure: (any Error)?
        for future in futures {
            do {
                results.append(try await future.get())
            } catch {
                failure = failure ?? error
            }
        }
        if let failure { throw failure }
        return results
    }

    /// Runs one statement and returns its rows.
    func rows(_ statement: SQLStatement, on connection: PostgresConnection) async throws -> [PostgresRow] {
        try await connection.query(PostgresValues.query(statement), logger: logger).get().rows
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

    /// A failure to obtain a connection at all (other than the caller giving up).
    static func unreachable(_ error: any Error) -> HangarError {
        let classified = PostgresErrors.classify(error)
        guard !Task.isCancelled, classified.code == .internal || classified.code == .unavailable else {
            return classified
        }
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
