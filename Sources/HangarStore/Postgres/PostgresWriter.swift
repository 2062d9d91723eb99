import HangarCore
import PostgresNIO

/// Runs batches of commands in one PostgreSQL transaction: the log head locked first, each command in its
/// own savepoint (a failing one rolls back alone), one `NOTIFY` and one commit for the whole batch.
///
/// Statements whose answers nothing waits for are pipelined (see ``PostgresPool/run(_:on:)``): a command
/// costs one wait for its savepoint and reads, and one for its writes and the savepoint's release.
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

    func run(_ commands: [StoreCommand]) async throws -> [Result<StoreCommandResult, any Error>] {
        let lockHead = SQLStatement(sql: PostgresSQL.lockHead, binds: [])
        let (results, head, moved) = try await pool.transaction("READ COMMITTED", opening: [lockHead]) {
            connection, opened in
            let start = try Self.head(in: opened.first)
            // Read after the lock: a lease that expired while this batch waited for it is free now.
            let now = clock.nowMilliseconds()
            var head = start
            var results: [Result<StoreCommandResult, any Error>] = []
            results.reserveCapacity(commands.count)
            for command in commands {
                var headInSavepoint = head
                do {
                    let result = try await execute(command, connection, now: now, head: &headInSavepoint)
                    head = headInSavepoint
                    results.append(.success(result))
                } catch {
                    // Failing to roll back means the connection is gone: the whole batch fails.
                    _ = try await pool.run([Self.rollback, Self.release], on: connection)
                    results.append(.failure(PostgresErrors.classify(error)))
                }
            }
            let closing = head != start ? [PostgresSQL.setHead(head, tag: tag)] : []
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

    private func execute(_ command: StoreCommand, _ connection: PostgresConnection, now: Int64, head: inout Int64)
        async throws -> StoreCommandResult
    {
        let queries = CommandPlanner.reads(for: command, now: now).map { StateQuery.make($0, sql: sql) }
        let answers = try await pool.run([Self.savepoint] + queries.map(\.statement), on: connection).dropFirst()
        let snapshots = try zip(queries, answers).map { query, answer in
            query.snapshot(try answer.rows.map(PostgresValues.projectionRow))
        }
        let decision = try CommandPlanner.decide(command, snapshots: snapshots, now: now)
        var pending: [SQLStatement] = []
        let appended = try await append(decision.drafts, connection, now: now, head: &head, pending: &pending)
        _ = try await pool.run(pending + [Self.release], on: connection)
        return decision.result(appended)
    }

    /// Plans the inserts and projection writes of `drafts` into `pending`: events without an idempotency
    /// key go into multi-row inserts. A draft with a key needs to know whether its key is taken before
    /// anything after it, so it sends what is planned so far together with its own insert.
    private func append(
        _ drafts: [EventDraft], _ connection: PostgresConnection, now: Int64, head: inout Int64,
        pending: inout [SQLStatement]
    ) async throws -> [AppendedEvent] {
        var appended: [AppendedEvent] = []
        appended.reserveCapacity(drafts.count)
        var rows: [[ProjectionValue]] = []
        var writes: [SQLStatement] = []
        for draft in drafts {
            let payload = try EventSQL.prepare(draft)
            let event = Event(
                seq: head + 1, stream: draft.stream, kind: draft.kind, ts: now, actor: draft.actor,
                payload: draft.payload, idempotencyKey: draft.idempotencyKey)
            if let key = draft.idempotencyKey {
                // The key is free (the common case) when this insert returns its row.
                let guarded = SQLStatement(
                    sql: events.insert + " ON CONFLICT (idempotency_key) DO NOTHING RETURNING seq",
                    binds: EventSQL.binds(event, payload: payload))
                let answers = try await pool.run(
                    pending + PostgresSQL.insertEvents(rows) + writes + [guarded], on: connection)
                (pending, rows, writes) = ([], [], [])
                if answers.last?.rows.isEmpty ?? true {
                    let existing = try await pool.rows(
                        SQLStatement(sql: events.selectByKey, binds: [.text(key)]), on: connection)
                    guard let row = existing.first else { throw HangarError(.internal, "idempotency key vanished") }
                    appended.append(try EventSQL.replay(draft, existing: try PostgresValues.event(from: row)))
                    continue
                }
            } else {
                rows.append(EventSQL.binds(event, payload: payload))
            }
            head += 1
            writes += projections.writes(for: event).map(sql.apply)
            appended.append(AppendedEvent(event: event, replayed: false))
        }
        pending += PostgresSQL.insertEvents(rows) + writes
        return appended
    }
}
