import Foundation
import HangarCore
import HangarData
import PostgresNIO
import Testing

/// What PostgreSQL itself enforces under ``PostgresDataExecutor`` when the statement is wrong: column grants hide
/// what the policy hides, row-level security on `hangar.tenant` keeps the scope, and the read-only transaction
/// refuses writes. Each statement here is one the compiler would never emit, standing in for a compiler bug.
@Suite("PostgreSQL backstops")
struct PostgresBackstopTests {
    typealias Fixture = PostgresBackstopFixture

    @Test("a compiled db.query returns the principal's tenant's rows only")
    func compiledQuery() async throws {
        try await Fixture.with { fixture in
            let compiler = DataCompiler(dialect: .postgres, cursorKey: DataFixtures.cursorKey)
            let request = try QueryRequest(
                arguments: try JSONValue.parse(
                    #"{"model":"accounts","select":["id","name","balance"],"order_by":[{"field":"id"}]}"#),
                model: Fixture.model)
            for principal in [Fixture.acme, Fixture.globex] {
                let query = try compiler.compile(request, model: Fixture.model, principal: principal)
                let rows = try await fixture.executor.read(
                    query.statement, model: Fixture.model, principal: principal, timeout: Fixture.timeout)
                #expect(rows == Self.visible(to: principal))
            }
        }
    }

    @Test("a statement reading the hidden column fails with database_error and names nothing")
    func hiddenColumnRefused() async throws {
        try await Fixture.with { fixture in
            for sql in [
                "SELECT ssn FROM accounts", #"SELECT "id", "ssn" FROM "accounts""#, "SELECT * FROM accounts",
                "SELECT id FROM accounts WHERE ssn LIKE '123%'", "SELECT max(ssn) FROM accounts",
            ] {
                let error = await #expect(throws: HangarError.self) {
                    try await fixture.read(sql, as: Fixture.acme)
                }
                #expect(error?.code == .databaseError, "\(sql)")
                #expect(Self.sqlState(error) == "42501", "\(sql): not refused for privilege")
                #expect(error.map { Self.isClean($0.message, fixture: fixture) } == true, "\(sql)")
                try await Self.expectAnswers(fixture)
            }
        }
    }

    @Test("a statement without a tenant filter returns the principal's tenant's rows only, by row-level security")
    func rowLevelSecurity() async throws {
        try await Fixture.with { fixture in
            try await Self.expectAnswers(fixture)
            let all = "SELECT id FROM accounts ORDER BY id"
            let acme = try await fixture.read(all, as: Fixture.acme)
            #expect(acme == Self.ids(1, 2, 3))
            let globex = try await fixture.read(all, as: Fixture.globex)
            #expect(globex == Self.ids(4, 5))
            let count = try await fixture.read("SELECT COUNT(*) FROM accounts", as: Fixture.acme)
            #expect(count == Self.ids(3))
            let asked = try await fixture.read(
                "SELECT id FROM accounts WHERE tenant_id = 'globex' OR id = 4", as: Fixture.acme)
            #expect(asked == [])
            // Right after acme's reads on the same connection: the tenant was set for those transactions only.
            let untenanted = try await fixture.read(all, as: Principal(id: "agent-3", tenant: nil))
            #expect(untenanted == [])
            let stranger = try await fixture.read(all, as: Principal(id: "agent-4", tenant: "initech"))
            #expect(stranger == [])
        }
    }

    @Test("a write sent through read fails with database_error and changes nothing")
    func writeRefused() async throws {
        try await Fixture.with { fixture in
            for sql in [
                "UPDATE accounts SET balance = 0", "UPDATE accounts SET name = 'Zed' WHERE id = 1 RETURNING id",
                "INSERT INTO accounts (id, tenant_id, name, balance) VALUES (9, 'acme', 'Mal', 1)",
                "DELETE FROM accounts",
            ] {
                let error = await #expect(throws: HangarError.self) {
                    try await fixture.read(sql, as: Fixture.acme)
                }
                #expect(error?.code == .databaseError, "\(sql)")
                #expect(Self.sqlState(error) == "25006", "\(sql): not refused by the read-only transaction")
                #expect(error.map { Self.isClean($0.message, fixture: fixture) } == true, "\(sql)")
                let accounts = try await fixture.ownerAccounts()
                #expect(accounts == Fixture.accounts, "\(sql): the table changed")
                try await Self.expectAnswers(fixture)
            }
        }
    }

    /// Checks that the executor still answers a plain read, after a failure.
    static func expectAnswers(_ fixture: Fixture) async throws {
        let rows = try await fixture.read("SELECT id, name FROM accounts ORDER BY id", as: Fixture.acme)
        #expect(rows == [[.integer(1), .text("Ada")], [.integer(2), .text("Bob")], [.integer(3), .text("Cyd")]])
    }

    /// The rows `principal` may see, as `id`, `name`, `balance`.
    static func visible(to principal: Principal) -> [[DataValue]] {
        Fixture.accounts.filter { $0.tenant == principal.tenant }.map {
            [.integer($0.id), .text($0.name), .integer($0.balance)]
        }
    }

    static func ids(_ ids: Int64...) -> [[DataValue]] {
        ids.map { [.integer($0)] }
    }

    /// The SQLSTATE PostgreSQL gave for the failure behind `error`.
    static func sqlState(_ error: HangarError?) -> String? {
        (error?.underlying as? PSQLError)?.serverInfo?[.sqlState]
    }

    /// Whether a message names no SQL, table, column, role, schema or PostgreSQL wording.
    static func isClean(_ message: String, fixture: Fixture) -> Bool {
        [
            "SELECT", "UPDATE", "INSERT", "DELETE", "accounts", "ssn", "tenant", "permission", "read-only",
            fixture.role, fixture.schema,
        ].allSatisfy { !message.localizedCaseInsensitiveContains($0) }
    }
}
