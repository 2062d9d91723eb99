import HangarCore
import PostgresNIO

/// Runs batches of commands in one PostgreSQL transaction: the log head locked first, one `NOTIFY` and one
/// commit for the whole batch, and a failing command rolled back alone.
///
/// Every statement costs a round trip (PostgresNIO sends the next one only when the previous is answered),
/// so the writer keeps their number down. A command reads what it needs (state rows, used idempotency
/// keys) in one pipeline, decides in Swift, and writes everything in one statement (see
/// ``PostgresSQL/combine(_:)``), which goes out with the next command's reads or with the commit. A command
/// refused by the rules has written nothing, so it needs no savepoint. Only a statement that fails inside
/// PostgreSQL spoils the whole transaction; the batch is then run again with a savepoint around each
/// command, as SQLite's writer always does, and the failing command rolls back alone.
struct PostgresWriter: Sendable {
    let pool: PostgresPool
    let projections: ProjectionSet
    let clock: HangarClock
    let signal: LogHeadSignal
    /// Marks this schema's notifications (see ``PostgresSQL/notification(tag:head:)``).
    let tag: String
    let events = EventSQL(dialect: .postgres)
    let sql = ProjectionSQL(dialect: .postgres)

    static let savepoint = SQLStatement(sql: "SAVEPOINT hangar_command", binds: [])
    static let release = SQLStatement(sql: "RELEASE SAVEPOINT hangar_command", binds: [])
    static let rollback = SQLStatement(sql: "ROLLBACK TO SAVEPOINT hangar_command", binds: [])

    /// A command failed and its savepoint could not be rolled back: the transaction is lost.
    private struct TransactionLost: Error {
        let underlying: any Error
    }

    func run(_ commands: [StoreCommand]) async throws -> [Result<StoreCommandResult, any Error>] {
        do {
            return try await attempt(commands, savepoints: false)
        } catch  where PostgresErrors.isStatementFailure(error) {
            return try await attempt(commands, savepoints: true)
        }
    }

    private func attempt(_ commands: [StoreCommand], savepoints: Bool) async throws
        -> [Result<StoreCommandResult, any Error>]
    {
        let lockHead = SQLStatement(sql: PostgresSQL.lockHead, binds: [])
        let (results, head, moved) = try await pool.transaction("READ COMMITTED", opening: [lockHead]) {
            connection, opened in
            let start = try Self.head(in: opened.first)
            // Read after the lock: a lease that expired while this batch waited for it is free now.
            let now = clock.nowMilliseconds()
            var head = start
            var unsent: [SQLStatement] = []
            var results: [Result<StoreCommandResult, any Error>] = []
            results.reserveCapacity(commands.count)
            for command in commands {
                var headInCommand = head
                do {
                    let result = try await execute(
                        command, connection, now: now, head: &headInCommand, unsent: &unsent, savepoints: savepoints)
                    head = headInCommand
                    results.append(.success(result))
                } catch let lost as TransactionLost {
                    throw lost.underlying
                } catch  where !savepoints && PostgresErrors.isStatementFailure(error) {
                    throw error
                } catch {
                    results.append(.failure(PostgresErrors.classify(error)))
                }
            }
            let closing = unsent + (head != start ? [PostgresSQL.setHead(head, tag: tag)] : [])
            return ((results, head, head != start), closing)
        }
        if moved { signal.advance(to: head) }
        return results
    }

    /// The head a `SELECT seq FROM hangar_log_head` answered.
    static func head(in result: PostgresQueryResult?) throws -> Int64 {
        guard let row = result?.rows.first else { throw HangarError(.databaseCorrupt, "the log head row is missing") }
        return try row.decode(Int64.self)
    }

    /// Runs one command. Without savepoints its writes are left in `unsent`, behind the writes of the
    /// commands before it; with savepoints they are sent at once and the savepoint released.
    private func execute(
        _ command: StoreCommand, _ connection: PostgresConnection, now: Int64, head: inout Int64,
        unsent: inout [SQLStatement], savepoints: Bool
    ) async throws -> StoreCommandResult {
        // What goes out before this command's first statement; emptied once on its way.
        var outgoing = savepoints ? [Self.savepoint] : unsent
        unsent = []
        do {
            let queries = CommandPlanner.reads(for: command, now: now).map { StateQuery.make($0, sql: sql) }
            var snapshots: [StateSnapshot] = []
            if !queries.isEmpty {
                let answers = try await send(&outgoing, queries.map(\.statement), connection)
                snapshots = try zip(queries, answers).map { query, answer in
                    query.snapshot(try answer.rows.map(PostgresValues.projectionRow))
                }
            }
            let decision = try CommandPlanner.decide(command, snapshots: snapshots, now: now)
            let keys = decision.drafts.compactMap(\.idempotencyKey)
            var stored: [PostgresExactKey: Event] = [:]
            if !keys.isEmpty {
                let answers = try await send(&outgoing, [PostgresSQL.eventsWithKeys(keys)], connection)
                for row in answers.first?.rows ?? [] {
                    let event = try PostgresValues.event(from: row)
                    if let key = event.idempotencyKey { stored[PostgresExactKey(text: key)] = event }
                }
            }
            let (appended, writes) = try plan(decision.drafts, now: now, head: &head, stored: stored)
            if !savepoints {
                unsent = outgoing + writes
            } else if outgoing.isEmpty || !writes.isEmpty {
                // With nothing sent and nothing to write, there is no savepoint to release.
                _ = try await send(&outgoing, writes + [Self.release], connection)
            }
            return decision.result(appended)
        } catch {
            if !savepoints {
                // A refused command wrote nothing; what earlier commands wrote still has to go out.
                if !outgoing.isEmpty { unsent = outgoing }
            } else if outgoing.isEmpty {
                do {
                    _ = try await pool.run([Self.rollback, Self.release], on: connection)
                } catch {
                    throw TransactionLost(underlying: error)
                }
            }
            throw error
        }
    }

    /// Sends `outgoing` (then emptied) and `statements` in one pipeline; returns the answers to `statements`.
    private func send(_ outgoing: inout [SQLStatement], _ statements: [SQLStatement], _ connection: PostgresConnection)
        async throws -> ArraySlice<PostgresQueryResult>
    {
        let before = outgoing
        outgoing = []
        return try await pool.run(before + statements, on: connection).dropFirst(before.count)
    }

    /// The events `drafts` append, and the statements that write them and their projection rows. Drafts
    /// whose idempotency key is used (in `stored`, or earlier in `drafts`) replay the stored event.
    private func plan(_ drafts: [EventDraft], now: Int64, head: inout Int64, stored: [PostgresExactKey: Event])
        throws -> ([AppendedEvent], [SQLStatement])
    {
        var stored = stored
        var appended: [AppendedEvent] = []
        appended.reserveCapacity(drafts.count)
        var rows: [[ProjectionValue]] = []
        var writes = PostgresProjectionReplay()
        for draft in drafts {
            let payload = try EventSQL.prepare(draft)
            let key = draft.idempotencyKey.map(PostgresExactKey.init(text:))
            if let key, let existing = stored[key] {
                appended.append(try EventSQL.replay(draft, existing: existing))
                continue
            }
            head += 1
            let event = Event(
                seq: head, stream: draft.stream, kind: draft.kind, ts: now, actor: draft.actor,
                payload: draft.payload, idempotencyKey: draft.idempotencyKey)
            rows.append(EventSQL.binds(event, payload: payload))
            if let key { stored[key] = event }
            for write in projections.writes(for: event) { writes.apply(write) }
            appended.append(AppendedEvent(event: event, replayed: false))
        }
        return (appended, PostgresSQL.combine(PostgresSQL.insertEvents(rows) + writes.statements(sql: sql)))
    }
}
