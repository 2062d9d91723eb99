import Foundation
import GRDB
import HangarCore
import HangarData
import HangarStore
import HangarTesting
import PostgresNIO

/// The tables of ``IncludeFixtures`` with rows of two tenants and two owners, on SQLite and PostgreSQL.
///
/// Customer 3 is soft-deleted; order 14 belongs to customer 1 but to tenant `globex`; order 16 has no customer;
/// item 102 belongs to another owner.
enum IncludeExecuteFixture {
    static let statements = [
        """
        CREATE TABLE customers (id INTEGER PRIMARY KEY, tenant_id TEXT NOT NULL, name TEXT NOT NULL, email TEXT,
          region_id INTEGER, secret TEXT, deleted_at TEXT)
        """,
        """
        CREATE TABLE orders (id INTEGER PRIMARY KEY, tenant_id TEXT NOT NULL, customer_id INTEGER,
          total DOUBLE PRECISION NOT NULL, card TEXT, status TEXT NOT NULL)
        """,
        """
        CREATE TABLE items (id INTEGER PRIMARY KEY, tenant_id TEXT NOT NULL, owner_id TEXT NOT NULL,
          order_id INTEGER NOT NULL, sku TEXT NOT NULL, qty INTEGER NOT NULL)
        """,
        "CREATE TABLE regions (id INTEGER PRIMARY KEY, name TEXT NOT NULL)",
        """
        INSERT INTO customers VALUES (1, 'acme', 'Ada', 'ada@acme.test', 1, 's1', NULL),
          (2, 'acme', 'Bob', NULL, NULL, 's2', NULL), (3, 'acme', 'Cyd', 'cyd@acme.test', 2, 's3', '2024-01-01'),
          (4, 'globex', 'Dee', 'dee@globex.test', 1, 's4', NULL)
        """,
        """
        INSERT INTO orders VALUES (10, 'acme', 1, 10.5, '4111111111111111', 'paid'),
          (11, 'acme', 1, 20.25, '5500000000000004', 'open'), (12, 'acme', 1, 30, NULL, 'open'),
          (13, 'acme', 2, 40, '340000000000009', 'paid'), (14, 'globex', 1, 99, '6011000000000004', 'paid'),
          (15, 'acme', 3, 5, NULL, 'open'), (16, 'acme', NULL, 1, NULL, 'open')
        """,
        """
        INSERT INTO items VALUES (100, 'acme', 'agent-1', 10, 'A', 1), (101, 'acme', 'agent-1', 10, 'B', 2),
          (102, 'acme', 'agent-2', 10, 'C', 3), (103, 'acme', 'agent-1', 13, 'A', 4),
          (104, 'globex', 'agent-1', 13, 'Z', 5)
        """,
        "INSERT INTO regions VALUES (1, 'North'), (2, 'South')",
    ]

    static let principal = Principal(id: "agent-1", tenant: "acme")

    /// Runs `body` with a SQLite executor over a fresh file holding the fixture.
    static func withSQLite<T: Sendable>(_ body: (SQLiteDataExecutor) async throws -> T) async throws -> T {
        try await OperatorDatabase.withSQLiteExecutor(statements, body)
    }

    /// Runs `body` against `dialect`'s executor over a fresh database holding the fixture.
    static func with<T: Sendable>(
        _ dialect: SQLDialect, _ body: @Sendable (any DataExecutor) async throws -> T
    ) async throws -> T {
        try await OperatorDatabase.withExecutor(dialect, statements, body)
    }

    /// Compiles `arguments` for `dialect`, reads the page with `executor` and attaches its includes: what the
    /// runtime does for `db.query`.
    static func query(
        _ arguments: String, dialect: SQLDialect, executor: any DataExecutor,
        hashKey: [UInt8] = ExecuteFixture.hashKey
    ) async throws -> [[String: JSONValue]] {
        let arguments = try JSONValue.parse(arguments)
        let model = try ModelLookup.model(for: arguments, in: IncludeFixtures.models)
        let request = try QueryRequest(arguments: arguments, model: model, models: IncludeFixtures.models)
        let query = try DataCompiler(dialect: dialect, cursorKey: DataFixtures.cursorKey)
            .compile(request, model: model, principal: principal)
        let rows = try await executor.read(
            query.statement, model: model, principal: principal, timeout: ExecuteFixture.timeout)
        let page = Array(rows.prefix(query.pageSize))
        let shaper = ResultShaper(hashKey: hashKey)
        return try await IncludeResolver.resolve(
            query.includes, parentRows: page, parents: try shaper.shape(page, fields: query.fields), shaper: shaper
        ) { statement, model in
            try await executor.read(statement, model: model, principal: principal, timeout: ExecuteFixture.timeout)
        }
    }
}
