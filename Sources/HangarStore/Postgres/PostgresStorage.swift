public import HangarCore
public import Logging
import PostgresNIO
import Synchronization

/// The adapter for several machines: a PostgreSQL database through a PostgresNIO `PostgresClient` pool.
///
/// All writes of this process go through one ``GroupCommitter`` whose batches run in a single
/// transaction; writers of every process serialise on the `hangar_log_head` row, which keeps `seq`
/// gap-free. Reads use the other pooled connections. A `LISTEN` connection wakes waiting readers when
/// another process appends.
public final class PostgresStorage: HangarStorage {
    public let backend = StorageBackend.postgres
    let pool: PostgresPool
    let schema: String?
    let events = EventSQL(dialect: .postgres)
    let sql = ProjectionSQL(dialect: .postgres)
    let projections: ProjectionSet
    let logger: Logger
    private let writer: PostgresWriter
    private let committer: GroupCommitter
    private let signal: LogHeadSignal
    private let background: Task<Void, Never>
    private let closed = Atomic(false)

    public init(
        location: PostgresLocation, projections: ProjectionSet, clock: HangarClock, logger: Logger
    ) async throws {
        self.projections = projections
        self.logger = logger
        schema = location.schema
        let signal = LogHeadSignal()
        self.signal = signal
        try await PostgresPool.probe(location, logger: logger)
        // The client warns when the first lease races the start of its `run()` (harmless: the lease waits)
        // and logs each failed connection attempt at info, which the errors Hangar throws already report;
        // below debug level its own messages are kept to errors.
        var clientLogger = logger
        if clientLogger.logLevel > .debug { clientLogger.logLevel = max(clientLogger.logLevel, .error) }
        let client = PostgresClient(
            configuration: PostgresPool.clientConfiguration(location), backgroundLogger: clientLogger)
        let pool = PostgresPool(client: client, logger: logger)
        self.pool = pool
        let tag = location.schema ?? "public"
        let writer = PostgresWriter(pool: pool, projections: projections, clock: clock, signal: signal, tag: tag)
        self.writer = writer
        let committer = GroupCommitter(logger: logger, classify: PostgresErrors.classify) { commands in
            try await writer.run(commands)
        }
        self.committer = committer
        let listener = PostgresListener(pool: pool, signal: signal, tag: tag, logger: logger)
        // The pool, the writer loop and the LISTEN loop live as long as the store, not as any one caller:
        // they must not inherit a caller's cancellation, and the store has to work without a ServiceGroup
        // around it. One task owns all three; `close()` drains the writer, then cancels the task (which
        // closes the pool) and waits for it to end.
        background = Task {
            await withDiscardingTaskGroup { group in
                group.addTask { await client.run() }
                group.addTask { await committer.run() }
                group.addTask { await listener.run() }
            }
        }
    }

    deinit {
        background.cancel()
    }

    public func migrate() async throws {
        let migrations = PostgresMigrations(pool: pool, schema: schema, projections: projections)
        try await guarded { try await migrations.run() }
        signal.advance(to: try await head())
    }

    public func submit(_ command: StoreCommand) async throws -> StoreCommandResult {
        try await committer.submit(command)
    }

    public func read(_ query: EventQuery) async throws -> [Event] {
        let statement = events.page(query)
        return try await guarded { pool, connection in
            try await pool.rows(statement, on: connection).map(PostgresValues.event(from:))
        }
    }

    public func head() async throws -> Int64 {
        try await guarded { pool, connection in
            try await pool.rows(PostgresSQL.selectHead, on: connection).first?.decode(Int64.self) ?? 0
        }
    }

    public func waitForAppend(after seq: Int64, timeoutMilliseconds: Int64) async throws {
        await signal.wait(after: seq, timeoutMilliseconds: timeoutMilliseconds)
    }

    public func rebuildProjections() async throws {
        try await guarded { try await writer.rebuild() }
    }

    public func projectionDigest() async throws -> String {
        let tables = projections.tables
        let pool = pool
        return try await guarded {
            // One snapshot for every table, as SQLite's read transaction gives.
            try await pool.transaction("REPEATABLE READ READ ONLY") { connection in
                var digest = ProjectionDigest()
                for table in tables {
                    digest.begin(table)
                    let rows = try await connection.query(
                        PostgresQuery(unsafeSQL: PostgresSQL.selectAllInByteOrder(table)), logger: pool.logger)
                    for try await row in rows { digest.add(try PostgresValues.projectionRow(row)) }
                }
                return digest.finish()
            }
        }
    }

    public func projectionRow(_ table: ProjectionTable, key: [ProjectionValue]) async throws -> ProjectionRow? {
        let statement = sql.select(table, key: key)
        return try await guarded { pool, connection in
            try await pool.rows(statement, on: connection).first.map(PostgresValues.projectionRow)
        }
    }

    public func projectionRows(_ table: ProjectionTable, prefix: [ProjectionValue], limit: Int) async throws
        -> [ProjectionRow]
    {
        let statement = sql.select(table, prefix: prefix, limit: limit)
        return try await guarded { pool, connection in
            try await pool.rows(statement, on: connection).map(PostgresValues.projectionRow)
        }
    }

    public func ping() async throws {
        try await guarded { pool, connection in try await pool.execute("SELECT 1", on: connection) }
    }

    public func close() async throws {
        guard !closed.exchange(true, ordering: .acquiringAndReleasing) else { return }
        await committer.close()
        background.cancel()
        await background.value
    }

    /// Runs `body` on a pooled connection, mapping failures to Hangar codes.
    private func guarded<T: Sendable>(
        _ body: @escaping @Sendable (PostgresPool, PostgresConnection) async throws -> T
    ) async throws -> T {
        let pool = pool
        return try await guarded { try await pool.withConnection { try await body(pool, $0) } }
    }

    private func guarded<T>(_ body: () async throws -> T) async throws -> T {
        guard !closed.load(ordering: .acquiring) else { throw HangarError(.unavailable, "the store is closed") }
        do { return try await body() } catch { throw PostgresErrors.classify(error) }
    }
}
