import Foundation
import GRDB
public import HangarCore
public import Logging

/// The embedded adapter: one SQLite file in WAL mode with `synchronous=FULL`, through GRDB.
///
/// All writes go through one ``GroupCommitter`` whose batches run in a single `BEGIN IMMEDIATE`
/// transaction on GRDB's writer connection (GRDB opens pool writes with `BEGIN IMMEDIATE`); reads use the pool's reader connections and never wait for
/// writes.
public final class SQLiteStorage: HangarStorage {
    public let backend = StorageBackend.sqlite
    let pool: DatabasePool
    private let writer: SQLiteWriter
    private let committer: GroupCommitter
    private let signal = LogHeadSignal()
    let events = EventSQL(dialect: .sqlite)
    let sql = ProjectionSQL(dialect: .sqlite)
    let projections: ProjectionSet
    let logger: Logger

    /// `PRAGMA application_id` of a Hangar database ("HANG"); a database with another id is foreign.
    static let applicationID: Int32 = 0x4841_4E47

    public init(
        path: String, projections: ProjectionSet = ProjectionSet(), clock: HangarClock = .system,
        logger: Logger = Logger(label: "hangar.store.sqlite")
    ) throws {
        self.projections = projections
        self.logger = logger
        do {
            try FileManager.default.createDirectory(
                at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw HangarError(.databaseUnavailable, "cannot create the state directory", underlying: error)
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        let pool = try Self.guardedOpen { try DatabasePool(path: path, configuration: configuration) }
        self.pool = pool
        // GRDB switches the writer to `synchronous=NORMAL` when it enables WAL, after `prepareDatabase` has
        // run, and NORMAL loses the last commits on power loss. Set FULL on the writer and check it held.
        let synchronous = try Self.guardedOpen {
            try pool.writeWithoutTransaction { db -> Int in
                try db.execute(sql: "PRAGMA synchronous = FULL")
                return try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? 0
            }
        }
        guard synchronous == 2 else {
            throw HangarError(.databaseUnavailable, "SQLite did not accept synchronous=FULL")
        }
        let writer = SQLiteWriter(pool: pool, projections: projections, clock: clock, signal: signal)
        self.writer = writer
        committer = GroupCommitter(logger: logger, classify: SQLiteErrors.classify) { commands in
            try await writer.run(commands)
        }
        try checkOwnership()
        // The writer loop runs for the life of the store, not of any one caller: it must not inherit a
        // caller's cancellation, and the store has to accept writes without a ServiceGroup around it.
        // `close()` ends it after it has drained the queue.
        Task { [committer] in await committer.run() }
    }

    /// Refuses a file that is a SQLite database but not Hangar's.
    private func checkOwnership() throws {
        let foreign = try guarded {
            try pool.read { db -> Bool in
                let id = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                if id == Self.applicationID { return false }
                if id != 0 { return true }
                let tables = try String.fetchAll(
                    db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
                return tables.contains { !$0.hasPrefix("hangar_") && $0 != "grdb_migrations" }
            }
        }
        if foreign {
            throw HangarError(.databaseForeign, "the database file belongs to another application")
        }
    }

    public func migrate() async throws {
        try guarded { try SQLiteMigrations.migrate(pool, projections: projections, sql: sql) }
        signal.advance(to: try await head())
    }

    public func submit(_ command: StoreCommand) async throws -> StoreCommandResult {
        try await committer.submit(command)
    }

    public func read(_ query: EventQuery) async throws -> [Event] {
        let statement = events.page(query)
        return try await guardedAsync {
            try await pool.read { db in
                try Row.fetchAll(db, sql: statement.sql, arguments: SQLiteValues.arguments(statement.binds))
                    .map(SQLiteValues.event(from:))
            }
        }
    }

    public func head() async throws -> Int64 {
        let sql = events.selectHead
        return try await guardedAsync { try await pool.read { db in try Int64.fetchOne(db, sql: sql) ?? 0 } }
    }

    public func waitForAppend(after seq: Int64, timeoutMilliseconds: Int64) async throws {
        await signal.wait(after: seq, timeoutMilliseconds: timeoutMilliseconds)
    }

    public func rebuildProjections() async throws {
        try await guardedAsync { try await writer.rebuild() }
    }

    public func projectionDigest() async throws -> String {
        let tables = projections.tables
        return try await guardedAsync {
            try await pool.read { db in
                var digest = ProjectionDigest()
                for table in tables {
                    digest.begin(table)
                    for row in try Row.fetchAll(db, sql: sql.selectAll(table)) {
                        digest.add(SQLiteValues.projectionRow(row))
                    }
                }
                return digest.finish()
            }
        }
    }

    public func projectionRow(_ table: ProjectionTable, key: [ProjectionValue]) async throws -> ProjectionRow? {
        let statement = sql.select(table, key: key)
        return try await guardedAsync {
            try await pool.read { db in
                try Row.fetchOne(db, sql: statement.sql, arguments: SQLiteValues.arguments(statement.binds))
                    .map(SQLiteValues.projectionRow)
            }
        }
    }

    public func projectionRows(_ table: ProjectionTable, prefix: [ProjectionValue], limit: Int) async throws
        -> [ProjectionRow]
    {
        let statement = sql.select(table, prefix: prefix, limit: limit)
        return try await guardedAsync {
            try await pool.read { db in
                try Row.fetchAll(db, sql: statement.sql, arguments: SQLiteValues.arguments(statement.binds))
                    .map(SQLiteValues.projectionRow)
            }
        }
    }

    public func ping() async throws {
        try await guardedAsync { _ = try await pool.read { db in try Int.fetchOne(db, sql: "SELECT 1") } }
    }

    public func close() async throws {
        await committer.close()
        try guarded { try pool.close() }
    }

    private static func guardedOpen<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch { throw SQLiteErrors.classify(error) }
    }

    private func guarded<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch { throw SQLiteErrors.classify(error) }
    }

    private func guardedAsync<T>(_ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch { throw SQLiteErrors.classify(error) }
    }
}
