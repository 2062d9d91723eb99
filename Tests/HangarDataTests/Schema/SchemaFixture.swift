import Foundation
import GRDB
import HangarCore
import HangarData
import HangarStore
import HangarTesting
import Logging
import PostgresNIO

/// The same tables on SQLite and PostgreSQL, and the catalog each database reports for them.
enum SchemaFixture {
    static let ddl = [
        """
        CREATE TABLE users (id INTEGER PRIMARY KEY, tenant_id TEXT NOT NULL, owner_id TEXT, email TEXT NOT NULL,
          ssn VARCHAR(11), name TEXT, salary REAL, active BOOLEAN NOT NULL, created_at TIMESTAMP,
          password_hash TEXT, deleted_at TIMESTAMP)
        """,
        "CREATE TABLE orders (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL, total NUMERIC(10, 2), note TEXT)",
        "CREATE TABLE audit_log (seq INTEGER NOT NULL, at TEXT NOT NULL, PRIMARY KEY (seq, at))",
        "CREATE VIEW active_users AS SELECT id, name FROM users",
    ]

    /// (name, SQLite declared type, PostgreSQL data_type, type, nullable)
    typealias Column = (String, String, String, ColumnType, Bool)

    static let tables: [(name: String, primaryKey: [String], columns: [Column])] = [
        (
            "users", ["id"],
            [
                ("id", "INTEGER", "integer", .integer, false),
                ("tenant_id", "TEXT", "text", .text, false),
                ("owner_id", "TEXT", "text", .text, true),
                ("email", "TEXT", "text", .text, false),
                ("ssn", "VARCHAR(11)", "character varying", .text, true),
                ("name", "TEXT", "text", .text, true),
                ("salary", "REAL", "real", .real, true),
                ("active", "BOOLEAN", "boolean", .boolean, false),
                ("created_at", "TIMESTAMP", "timestamp without time zone", .timestamp, true),
                ("password_hash", "TEXT", "text", .text, true),
                ("deleted_at", "TIMESTAMP", "timestamp without time zone", .timestamp, true),
            ]
        ),
        (
            "orders", ["id"],
            [
                ("id", "INTEGER", "integer", .integer, false),
                ("user_id", "INTEGER", "integer", .integer, false),
                ("total", "NUMERIC(10, 2)", "numeric", .real, true),
                ("note", "TEXT", "text", .text, true),
            ]
        ),
        (
            "audit_log", ["seq", "at"],
            [
                ("seq", "INTEGER", "integer", .integer, false),
                ("at", "TEXT", "text", .text, false),
            ]
        ),
    ]

    /// The catalog `kind` reports for ``ddl``.
    static func expected(_ kind: StorageKind) -> SchemaCatalog {
        SchemaCatalog(
            tables.map { table in
                SchemaTable(
                    name: table.name,
                    columns: table.columns.map { name, sqliteType, postgresType, type, nullable in
                        SchemaColumn(
                            name: name, declaredType: kind == .sqlite ? sqliteType : postgresType, type: type,
                            nullable: nullable, primaryKey: table.primaryKey.contains(name))
                    },
                    primaryKey: table.primaryKey)
            })
    }

    /// The SQLite catalog: ``ddl`` in a temporary file (with `ANALYZE`, so `sqlite_stat1` exists too).
    static func sqliteCatalog() async throws -> SchemaCatalog {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("hangar-schema-\(ULID().description.lowercased())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("fixture.sqlite").path
        let queue = try DatabaseQueue(path: path)
        try await queue.write { db in
            for statement in ddl { try db.execute(sql: statement) }
            try db.execute(sql: "ANALYZE")
        }
        try queue.close()
        return try await SchemaCatalog.introspect(sqlitePath: path)
    }

    /// Runs `body` with a client of the test PostgreSQL server and the name of a fresh schema holding ``ddl``
    /// (first in the client's `search_path`); drops the schema afterwards.
    static func withPostgres<T: Sendable>(
        _ body: @Sendable (PostgresClient, String) async throws -> T
    ) async throws -> T {
        try await OperatorDatabase.withPostgresSchema(ddl) { client, location in
            try await body(client, location.schema ?? "public")
        }
    }

    static let logger: Logger = {
        var logger = Logger(label: "hangar.test.schema")
        logger.logLevel = .error
        return logger
    }()
}
