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

    /// Runs `body` with a SQLite executor over a fresh file holding the fixture.
    static func withSQLite<T: Sendable>(_ body: (SQLiteDataExecutor) async throws -> T) async throws -> T {
        try await OperatorDatabase.withSQLiteExecutor([ddl] + inserts, body)
    }

    /// Runs `body` against `dialect`'s executor over a fresh database holding the fixture.
    static func with<T: Sendable>(
        _ dialect: SQLDialect, _ body: @Sendable (any DataExecutor) async throws -> T
    ) async throws -> T {
        try await OperatorDatabase.withExecutor(dialect, [ddl] + inserts, body)
    }

    static let logger: Logger = {
        var logger = Logger(label: "hangar.test.execute")
        logger.logLevel = .error
        return logger
    }()
}
