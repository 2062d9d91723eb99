import Foundation
import GRDB
import HangarCore
import HangarData
import HangarStore
import HangarTesting
import Logging
import PostgresNIO

/// A `users` table with rows of two tenants, on SQLite and PostgreSQL, and the policy view of it.
enum ExecuteFixture {
    static let ddl = """
        CREATE TABLE users (id INTEGER PRIMARY KEY, tenant_id TEXT NOT NULL, name TEXT NOT NULL, email TEXT,
          ssn TEXT, salary INTEGER NOT NULL, password_hash TEXT)
        """

    static let rows: [(Int64, String, String, String?, String?, Int64, String)] = [
        (1, "acme", "Ada", "ada@acme.test", "123-45-1234", 100, "h1"),
        (2, "acme", "Bob", nil, "987-65-4321", 250, "h2"),
        (3, "acme", "Cyd", "cyd@acme.test", nil, 75, "h3"),
        (4, "globex", "Dee", "dee@globex.test", "555-55-5555", 1000, "h4"),
    ]

    static var inserts: [String] {
        rows.map { id, tenant, name, email, ssn, salary, hash in
            let email = email.map { "'\($0)'" } ?? "NULL"
            let ssn = ssn.map { "'\($0)'" } ?? "NULL"
            return "INSERT INTO users VALUES (\(id), '\(tenant)', '\(name)', \(email), \(ssn), \(salary), '\(hash)')"
        }
    }

    static let model = ExposedModel(
        name: "users", primaryKey: "id",
        fields: Dictionary(
            uniqueKeysWithValues: [
                DataFixtures.field("id", .integer),
                DataFixtures.field("name", .text),
                DataFixtures.field("email", .text, nullable: true, access: .hash, filterable: false, sortable: false),
                DataFixtures.field(
                    "ssn", .text, nullable: true, access: .mask(pattern: "***-**-{last4}"), filterable: false,
                    sortable: false),
                DataFixtures.field("salary", .integer, aggregatable: true),
            ].map { ($0.name, $0) }),
        tenantColumn: "tenant_id")

    static let acme = Principal(id: "agent-1", tenant: "acme")
    static let hashKey: [UInt8] = Array(repeating: 9, count: 32)
    static let timeout = Duration.seconds(2)

    /// Runs `body` with an executor over a fresh SQLite file holding the fixture.
    static func withSQLite<T: Sendable>(_ body: (SQLiteDataExecutor) async throws -> T) async throws -> T {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("hangar-execute-\(ULID().description.lowercased())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("fixture.sqlite").path
        let queue = try DatabaseQueue(path: path)
        try await queue.write { db in
            try db.execute(sql: ddl)
            for insert in inserts { try db.execute(sql: insert) }
        }
        try queue.close()
        let executor = try SQLiteDataExecutor(path: path)
        let result = try await body(executor)
        try await executor.close()
        return result
    }

    /// Runs `body` with an executor over a fresh schema `t_<random>` (first in the connection's search_path)
    /// holding the fixture; drops the schema afterwards. A missing `HANGAR_TEST_POSTGRES_URL` is an error.
    static func withPostgres<T: Sendable>(_ body: @Sendable (PostgresDataExecutor) async throws -> T) async throws
        -> T
    {
        guard case .postgres(let location) = try StorageHarness.makeLocation(.postgres), let schema = location.schema
        else { throw HangarError(.configInvalid, "not a PostgreSQL location") }
        var configuration = PostgresClient.Configuration(
            host: location.host, port: location.port, username: location.username, password: location.password,
            database: location.database, tls: .disable)
        configuration.options.additionalStartupParameters = [("search_path", schema)]
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask {
                await client.run()
                return nil
            }
            defer { group.cancelAll() }
            try await client.query(PostgresQuery(unsafeSQL: "CREATE SCHEMA \(schema)"), logger: logger)
            do {
                for statement in [ddl] + inserts {
                    try await client.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                let result = try await body(PostgresDataExecutor(client: client, logger: logger))
                try await client.query(PostgresQuery(unsafeSQL: "DROP SCHEMA \(schema) CASCADE"), logger: logger)
                return result
            } catch {
                _ = try? await client.query(PostgresQuery(unsafeSQL: "DROP SCHEMA \(schema) CASCADE"), logger: logger)
                throw error
            }
        }
    }

    /// Runs `body` against `dialect`'s executor.
    static func with<T: Sendable>(
        _ dialect: SQLDialect, _ body: @Sendable (any DataExecutor) async throws -> T
    ) async throws -> T {
        switch dialect {
        case .sqlite: try await withSQLite { try await body($0) }
        case .postgres: try await withPostgres { try await body($0) }
        }
    }

    static let logger: Logger = {
        var logger = Logger(label: "hangar.test.execute")
        logger.logLevel = .error
        return logger
    }()
}
