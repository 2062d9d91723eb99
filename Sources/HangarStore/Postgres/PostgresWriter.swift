import HangarCore
import PostgresNIO

/// Runs batches of commands in one PostgreSQL transaction: the log head locked first, each command in its
/// own savepoint (a failing one rolls back alone), one `NOTIFY` and one commit for the whole batch.
struct PostgresWriter: Sendable {
    let pool: PostgresPool
    let projections: ProjectionSet
    let clock: HangarClock
    let signal: LogHeadSignal
    /// Marks this schema's notifications (see ``PostgresSQL/notification(tag:head:)``).
    let tag: String
    let events = EventSQL(dialect: .postgres)
    let sql = ProjectionSQL(dialect: .postgres)

    func run(_ commands: [StoreCommand]) async throws -> [Result<StoreCommandResult, any Error>] {
        let (results, head, moved) = try await pool.transaction { connection in
            let start = try await lockHead(connection)
            // Read after the lock: a lease that expired while this batch waited for it is free now.
            let now = clock.nowMilliseconds()
            var head = start
            var results: [Result<StoreCommandResult, any Error>] = []
            results.reserveCapacity(commands.count)
            for command in commands {
                var headInSavepoint = head
                try await pool.execute("SAVEPOINT hangar_command", on: connection)
                do {
                    let result = try await execute(command, connection, now: now, head: &headInSavepoint)
                    try await pool.execute("RELEASE SAVEPOINT hangar_command", on: connection)
                    head = headInSavepoint
                    results.append(.success(result))
                } catch {
                    // Failing to roll back means the connection is gone: the whole batch fails.
                    try await pool.execute("ROLLBACK TO SAVEPOINT hangar_command", on: connection)
                    try await pool.execute("RELEASE SAVEPOINT hangar_command", on: connection)
                    results.append(.failure(PostgresErrors.classify(error)))
                }
            }
            if head != start {
                try await pool.execute(PostgresSQL.setHead(head, tag: tag), on: connection)
            }
            return (results, head, head != start)
        }
        if moved { signal.advance(to: head) }
        return results
    }

    func lockHead(_ connection: PostgresConnection) async throws -> Int64 {
        guard let row = try await pool.rows(PostgresSQL.lockHead, on: connection).first else {
            throw HangarError(.databaseCorrupt, "the log head row is missing")
        }
        return try row.decode(Int64.self)
    }

    private func execute(_ command: StoreCommand, _ connection: PostgresConnection, now: Int64, head: inout Int64)
        async throws -> StoreCommandResult
    {
        var snapshots: [StateSnapshot] = []
        for read in CommandPlanner.reads(for: command, now: now) {
            let query = StateQuery.make(read, sql: sql)
            let rows = try await pool.rows(query.statement, on: connection)
            snapshots.append(query.snapshot(try rows.map(PostgresValues.projectionRow)))
        }
        let decision = try CommandPlanner.decide(command, snapshots: snapshots, now: now)
        return decision.result(try await append(decision.drafts, connection, now: now, head: &head))
    }

    private func append(_ drafts: [EventDraft], _ connection: PostgresConnection, now: Int64, head: inout Int64)
        async throws -> [AppendedEvent]
    {
        var appended: [AppendedEvent] = []
        appended.reserveCapacity(drafts.count)
        for draft in drafts {
            let payload = try EventSQL.prepare(draft)
            if let key = draft.idempotencyKey {
                let existing = try await pool.rows(
                    SQLStatement(sql: events.selectByKey, binds: [.text(key)]), on: connection)
                if let row = existing.first {
                    appended.append(try EventSQL.replay(draft, existing: try PostgresValues.event(from: row)))
                    continue
                }
            }
            head += 1
            let event = Event(
                seq: head, stream: draft.stream, kind: draft.kind, ts: now, actor: draft.actor,
                payload: draft.payload, idempotencyKey: draft.idempotencyKey)
            try await pool.execute(
                SQLStatement(sql: events.insert, binds: EventSQL.binds(event, payload: payload)), on: connection)
            for write in projections.writes(for: event) {
                try await pool.execute(sql.apply(write), on: connection)
            }
            appended.append(AppendedEvent(event: event, replayed: false))
        }
        return appended
    }
}
