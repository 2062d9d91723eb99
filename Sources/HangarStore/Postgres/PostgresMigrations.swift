import HangarCore
import PostgresNIO

/// The PostgreSQL schema, as versioned migrations recorded in `hangar_schema_migrations`, plus the
/// projection tables declared by the projectors.
///
/// Written by hand: GRDB's migrator works on SQLite only, and no package in the dependency list migrates
/// PostgreSQL. Every run happens in one transaction under an advisory lock, so processes starting at once
/// migrate exactly once and nobody sees a half-made schema.
struct PostgresMigrations: Sendable {
    struct Step: Sendable {
        let version: Int64
        let name: String
        let statements: [String]
    }

    static let steps: [Step] = [
        Step(
            version: 1, name: "v1_event_log",
            statements: [
                // The payload is the canonical JSON text, not jsonb, so its bytes round-trip exactly.
                """
                CREATE TABLE hangar_events (
                    seq BIGINT PRIMARY KEY,
                    stream TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    ts BIGINT NOT NULL,
                    actor TEXT NOT NULL,
                    payload TEXT NOT NULL,
                    idempotency_key TEXT UNIQUE
                )
                """,
                "CREATE INDEX hangar_events_stream ON hangar_events (stream, seq)",
                // The gap-free sequence. A PostgreSQL SEQUENCE leaves holes when a transaction rolls back;
                // this one row is locked by every writer, which hands out head + 1, head + 2, … and moves
                // it at the end of its transaction.
                """
                CREATE TABLE hangar_log_head (
                    only_row BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (only_row),
                    seq BIGINT NOT NULL
                )
                """,
                "INSERT INTO hangar_log_head (only_row, seq) VALUES (TRUE, 0)",
            ])
    ]

    static var latestVersion: Int64 { steps.map(\.version).max() ?? 0 }

    /// First key of the advisory lock: "HANG". The second is a hash of the schema, so tests migrating
    /// their own schemas do not wait on each other.
    static let lockKey: Int64 = 0x4841_4E47

    let pool: PostgresPool
    let schema: String?
    let projections: ProjectionSet
    let sql = ProjectionSQL(dialect: .postgres)

    func run() async throws {
        try await pool.transaction { connection in
            try await pool.execute(
                SQLStatement(
                    sql: "SELECT pg_advisory_xact_lock($1::int4, hashtext($2))",
                    binds: [.integer(Self.lockKey), .text(schema ?? "public")]),
                on: connection)
            if let schema {
                try await pool.execute("CREATE SCHEMA IF NOT EXISTS \"\(schema)\"", on: connection)
            }
            try await checkOwnership(connection)
            try await pool.execute(
                """
                CREATE TABLE IF NOT EXISTS hangar_schema_migrations (
                    version BIGINT PRIMARY KEY,
                    name TEXT NOT NULL,
                    applied_at BIGINT NOT NULL
                )
                """, on: connection)
            let rows = try await pool.rows(
                "SELECT COALESCE(MAX(version), 0) FROM hangar_schema_migrations", on: connection)
            let current = try rows.first?.decode(Int64.self) ?? 0
            guard current <= Self.latestVersion else {
                throw HangarError(.schemaTooNew, "the database was written by a newer Hangar")
            }
            for step in Self.steps where step.version > current {
                for statement in step.statements { try await pool.execute(statement, on: connection) }
                try await pool.execute(
                    SQLStatement(
                        sql: """
                            INSERT INTO hangar_schema_migrations (version, name, applied_at)
                            VALUES ($1, $2, (extract(epoch FROM clock_timestamp()) * 1000)::bigint)
                            """,
                        binds: [.integer(step.version), .text(step.name)]),
                    on: connection)
            }
            for table in projections.tables { try await createProjectionTable(table, connection) }
        }
    }

    /// Refuses, before the first migration, a schema that already holds tables other than Hangar's (or an
    /// event table without Hangar's migration record): the URL most likely names another application's
    /// database. As on SQLite, tables added beside Hangar's after it migrated are left alone.
    private func checkOwnership(_ connection: PostgresConnection) async throws {
        let rows = try await pool.rows(
            """
            SELECT to_regclass('hangar_schema_migrations') IS NOT NULL,
                EXISTS (SELECT 1 FROM pg_tables WHERE schemaname = current_schema()
                    AND (tablename NOT LIKE 'hangar\\_%' OR tablename = 'hangar_events'))
            """, on: connection)
        guard let row = rows.first else { return }
        let (migrated, occupied) = try row.decode((Bool, Bool).self)
        if !migrated && occupied {
            throw HangarError(.databaseForeign, "the PostgreSQL schema holds tables of another application")
        }
    }

    /// Creates a projection table when missing. A new table's text columns get the "C" collation, so keys
    /// sort byte by byte as on SQLite (a free lease is picked in the same name order on both adapters).
    private func createProjectionTable(_ table: ProjectionTable, _ connection: PostgresConnection) async throws {
        let exists =
            try await pool.rows(
                SQLStatement(sql: "SELECT to_regclass($1) IS NOT NULL", binds: [.text(table.name)]), on: connection
            ).first?.decode(Bool.self) ?? false
        for statement in sql.createTable(table) { try await pool.execute(statement, on: connection) }
        guard !exists else { return }
        for column in table.columns where column.kind == .text {
            try await pool.execute(
                "ALTER TABLE \(table.name) ALTER COLUMN \(column.name) TYPE TEXT COLLATE \"C\"", on: connection)
        }
    }
}
