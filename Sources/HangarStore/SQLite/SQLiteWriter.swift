import GRDB
import HangarCore

/// Runs batches of commands in one SQLite write transaction: each command in its own savepoint, then one
/// commit (one WAL fsync with `synchronous=FULL`) for the whole batch.
struct SQLiteWriter: Sendable {
    let pool: DatabasePool
    let projections: ProjectionSet
    let clock: HangarClock
    let signal: LogHeadSignal
    let events = EventSQL(dialect: .sqlite)
    let sql = ProjectionSQL(dialect: .sqlite)

    func run(_ commands: [StoreCommand]) async throws -> [Result<StoreCommandResult, any Error>] {
        let (results, head) = try await pool.write { db in
            let now = clock.nowMilliseconds()
            var head = try Int64.fetchOne(db, sql: events.selectHead) ?? 0
            var results: [Result<StoreCommandResult, any Error>] = []
            results.reserveCapacity(commands.count)
            for command in commands {
                var headInSavepoint = head
                do {
                    var result = StoreCommandResult.done
                    try db.inSavepoint {
                        result = try execute(command, db: db, now: now, head: &headInSavepoint)
                        return .commit
                    }
                    head = headInSavepoint
                    results.append(.success(result))
                } catch {
                    results.append(.failure(SQLiteErrors.classify(error)))
                }
            }
            return (results, head)
        }
        signal.advance(to: head)
        return results
    }

    private func execute(_ command: StoreCommand, db: Database, now: Int64, head: inout Int64) throws
        -> StoreCommandResult
    {
        let snapshots = try CommandPlanner.reads(for: command, now: now).map { read in
            let query = StateQuery.make(read, sql: sql)
            let rows = try Row.fetchAll(
                db, sql: query.statement.sql, arguments: SQLiteValues.arguments(query.statement.binds))
            return query.snapshot(rows.map(SQLiteValues.projectionRow))
        }
        let decision = try CommandPlanner.decide(command, snapshots: snapshots, now: now)
        return decision.result(try append(decision.drafts, db: db, now: now, head: &head))
    }

    private func append(_ drafts: [EventDraft], db: Database, now: Int64, head: inout Int64) throws -> [AppendedEvent] {
        var appended: [AppendedEvent] = []
        appended.reserveCapacity(drafts.count)
        for draft in drafts {
            let payload = try EventSQL.prepare(draft)
            if let key = draft.idempotencyKey,
                let row = try Row.fetchOne(db, sql: events.selectByKey, arguments: [key])
            {
                appended.append(try EventSQL.replay(draft, existing: try SQLiteValues.event(from: row)))
                continue
            }
            head += 1
            let event = Event(
                seq: head, stream: draft.stream, kind: draft.kind, ts: now, actor: draft.actor,
                payload: draft.payload, idempotencyKey: draft.idempotencyKey)
            try db.cachedStatement(sql: events.insert).execute(
                arguments: SQLiteValues.arguments(EventSQL.binds(event, payload: payload)))
            try project(event, db: db)
            appended.append(AppendedEvent(event: event, replayed: false))
        }
        return appended
    }

    private func project(_ event: Event, db: Database) throws {
        for write in projections.writes(for: event) {
            let statement = sql.apply(write)
            try db.cachedStatement(sql: statement.sql).execute(arguments: SQLiteValues.arguments(statement.binds))
        }
    }

    /// Empties every projection table and replays the whole log into them, in one transaction.
    func rebuild() async throws {
        try await pool.write { db in
            for table in projections.tables {
                try db.execute(sql: sql.deleteAll(table))
            }
            let rows = try Row.fetchCursor(db, sql: events.selectAll)
            while let row = try rows.next() {
                let kind: String = row[2]
                guard projections.handles(kind: kind) else { continue }
                try project(try SQLiteValues.event(from: row), db: db)
            }
        }
    }
}
