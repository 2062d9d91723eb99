import Foundation
import HangarCore
import HangarData
import HangarStore
import HangarTesting
import Logging
import PostgresNIO

/// An `accounts` table that PostgreSQL guards by itself, and a ``PostgresDataExecutor`` logged in as a role that
/// may see only part of it.
///
/// Each use gets a schema `t_<random>` and a login role `t_<random>_reader` with a random password, both
/// dropped afterwards, so parallel runs never meet. The table holds rows of two tenants and a hidden `ssn`
/// column. The reader role has `SELECT` on `id`, `tenant_id`, `name` and `balance` only, plus `INSERT` and
/// `UPDATE` on some of them, so that only the read-only transaction can stop a write that reaches the
/// database. Row-level security is enabled and forced, with a policy that admits the rows whose `tenant_id` is
/// `current_setting('hangar.tenant', true)`. A second policy, for the owner only, lets the owner's client read
/// every row to check that nothing changed.
///
/// Logging in as the reader needs a server where the `HANGAR_TEST_POSTGRES_URL` role may create roles
/// (`CREATEROLE`) and `pg_hba.conf` admits them over TCP with a password. A missing URL is an error, never a
/// skip, as in ``ExecuteFixture``.
struct PostgresBackstopFixture: Sendable {
    /// One row of the table, as the owner sees it.
    struct Account: Sendable, Hashable {
        var id: Int64
        var tenant: String
        var name: String
        var balance: Int64
        var ssn: String?
    }

    /// The executor under test, logged in as ``role``.
    let executor: PostgresDataExecutor
    /// The table owner's client: sees every row and column.
    let owner: PostgresClient
    /// The restricted login role's name.
    let role: String
    /// The schema holding the table.
    let schema: String

    static let accounts: [Account] = [
        Account(id: 1, tenant: "acme", name: "Ada", balance: 100, ssn: "123-45-1234"),
        Account(id: 2, tenant: "acme", name: "Bob", balance: 250, ssn: "987-65-4321"),
        Account(id: 3, tenant: "acme", name: "Cyd", balance: 75, ssn: nil),
        Account(id: 4, tenant: "globex", name: "Dee", balance: 1000, ssn: "555-55-5555"),
        Account(id: 5, tenant: "globex", name: "Eve", balance: 40, ssn: "111-22-3333"),
    ]

    /// The policy's view of the table: `ssn` and `tenant_id` are hidden.
    static let model = ExposedModel(
        name: "accounts", primaryKey: "id",
        fields: Dictionary(
            uniqueKeysWithValues: [
                DataFixtures.field("id", .integer),
                DataFixtures.field("name", .text),
                DataFixtures.field("balance", .integer, aggregatable: true),
            ].map { ($0.name, $0) }),
        tenantColumn: "tenant_id")

    static let acme = Principal(id: "agent-1", tenant: "acme")
    static let globex = Principal(id: "agent-2", tenant: "globex")
    static let timeout = Duration.seconds(2)

    /// Runs `body` with a fresh fixture and removes the schema and the role afterwards, also when `body` throws.
    static func with<T: Sendable>(_ body: @Sendable (PostgresBackstopFixture) async throws -> T) async throws -> T {
        guard case .postgres(let location) = try StorageHarness.makeLocation(.postgres), let schema = location.schema
        else { throw HangarError(.configInvalid, "not a PostgreSQL location") }
        let role = "\(schema)_reader"
        let password = ULID().description.lowercased()
        let owner = PostgresClient(
            configuration: configuration(location, schema: schema, username: location.username, location.password),
            backgroundLogger: logger)
        var readerConfiguration = configuration(location, schema: schema, username: role, password)
        // One connection: consecutive reads share it, so a tenant left over from an earlier transaction would show.
        readerConfiguration.options.maximumConnections = 1
        let reader = PostgresClient(configuration: readerConfiguration, backgroundLogger: logger)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await owner.run() }
            group.addTask { await reader.run() }
            defer { group.cancelAll() }
            do {
                try await setUp(owner: owner, schema: schema, role: role, password: password)
                try await probe(location, role: role, password: password)
                let fixture = PostgresBackstopFixture(
                    executor: PostgresDataExecutor(client: reader, logger: logger), owner: owner, role: role,
                    schema: schema)
                let result = try await body(fixture)
                try await tearDown(owner: owner, schema: schema, role: role)
                return result
            } catch {
                try? await tearDown(owner: owner, schema: schema, role: role)
                throw error
            }
        }
    }

    /// Runs `sql` through the executor as `principal`.
    func read(_ sql: String, as principal: Principal) async throws -> [[DataValue]] {
        try await executor.read(
            CompiledStatement(sql: sql, binds: []), model: Self.model, principal: principal, timeout: Self.timeout)
    }

    /// Every row of the table, read by the owner.
    func ownerAccounts() async throws -> [Account] {
        let rows = try await owner.query(
            "SELECT id, tenant_id, name, balance, ssn FROM accounts ORDER BY id", logger: Self.logger)
        var accounts: [Account] = []
        for try await (id, tenant, name, balance, ssn) in rows.decode((Int64, String, String, Int64, String?).self) {
            accounts.append(Account(id: id, tenant: tenant, name: name, balance: balance, ssn: ssn))
        }
        return accounts
    }

    /// The statements that build the fixture, run by the owner. Names are unique to this use, so nothing here
    /// can meet another run's objects; `IF NOT EXISTS` keeps a repeated set-up harmless all the same.
    static func setUpStatements(schema: String, role: String, password: String) -> [String] {
        let values = accounts.map { account in
            let ssn = account.ssn.map { "'\($0)'" } ?? "NULL"
            return "(\(account.id), '\(account.tenant)', '\(account.name)', \(account.balance), \(ssn))"
        }
        return [
            "CREATE SCHEMA IF NOT EXISTS \(schema)",
            """
            CREATE TABLE IF NOT EXISTS accounts (id INTEGER PRIMARY KEY, tenant_id TEXT NOT NULL, name TEXT NOT NULL,
              balance INTEGER NOT NULL, ssn TEXT)
            """,
            "INSERT INTO accounts VALUES \(values.joined(separator: ", ")) ON CONFLICT (id) DO NOTHING",
            "ALTER TABLE accounts ENABLE ROW LEVEL SECURITY",
            "ALTER TABLE accounts FORCE ROW LEVEL SECURITY",
            "DROP POLICY IF EXISTS tenant_scope ON accounts",
            "CREATE POLICY tenant_scope ON accounts USING (tenant_id = current_setting('hangar.tenant', true))",
            "DROP POLICY IF EXISTS owner_audit ON accounts",
            "CREATE POLICY owner_audit ON accounts TO CURRENT_USER USING (true)",
            "CREATE ROLE \(role) LOGIN PASSWORD '\(password)'",
            "GRANT USAGE ON SCHEMA \(schema) TO \(role)",
            "GRANT SELECT (id, tenant_id, name, balance) ON accounts TO \(role)",
            "GRANT INSERT (id, tenant_id, name, balance), UPDATE (name, balance) ON accounts TO \(role)",
        ]
    }

    private static func setUp(owner: PostgresClient, schema: String, role: String, password: String) async throws {
        for statement in setUpStatements(schema: schema, role: role, password: password) {
            do {
                try await owner.query(PostgresQuery(unsafeSQL: statement), logger: logger)
            } catch let error as PSQLError where statement.hasPrefix("CREATE ROLE") {
                throw HangarError(
                    .configInvalid,
                    "the \(StorageHarness.postgresURLVariable) role cannot create the test role; it needs CREATEROLE",
                    underlying: error)
            }
        }
    }

    /// Logs in once as the reader on a connection of its own, so that a server refusing the role fails at once
    /// with a clear message instead of after the pool's retries.
    private static func probe(_ location: PostgresLocation, role: String, password: String) async throws {
        let configuration = PostgresConnection.Configuration(
            host: location.host, port: location.port, username: role, password: password,
            database: location.database, tls: .disable)
        let connection: PostgresConnection
        do {
            connection = try await PostgresConnection.connect(configuration: configuration, id: 0, logger: logger)
        } catch {
            throw HangarError(
                .configInvalid, "cannot log in as the test role: pg_hba.conf must admit it over TCP with a password",
                underlying: error)
        }
        try await connection.close()
    }

    private static func tearDown(owner: PostgresClient, schema: String, role: String) async throws {
        try await owner.query(PostgresQuery(unsafeSQL: "DROP SCHEMA IF EXISTS \(schema) CASCADE"), logger: logger)
        try await owner.query(PostgresQuery(unsafeSQL: "DROP ROLE IF EXISTS \(role)"), logger: logger)
    }

    private static func configuration(
        _ location: PostgresLocation, schema: String, username: String, _ password: String?
    ) -> PostgresClient.Configuration {
        var configuration = PostgresClient.Configuration(
            host: location.host, port: location.port, username: username, password: password,
            database: location.database, tls: .disable)
        configuration.options.additionalStartupParameters = [("search_path", schema)]
        return configuration
    }

    static let logger: Logger = {
        var logger = Logger(label: "hangar.test.backstop")
        logger.logLevel = .error
        return logger
    }()
}
