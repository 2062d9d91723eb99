import Foundation
import HangarCore
import HangarData
import Testing

@Suite("Data executors")
struct DataExecutorTests {
    typealias Fixture = ExecuteFixture

    @Test("a compiled query returns the principal's tenant's rows, masked and hashed", arguments: SQLDialect.allCases)
    func queryShapesTenantRows(dialect: SQLDialect) async throws {
        try await Fixture.with(dialect) { executor in
            let model = Fixture.model
            let request = try QueryRequest(
                arguments: try JSONValue.parse(
                    #"{"model":"users","select":["id","name","ssn","email"],"order_by":[{"field":"id"}]}"#),
                model: model)
            let query = try DataCompiler(dialect: dialect, cursorKey: DataFixtures.cursorKey)
                .compile(request, model: model, principal: Fixture.acme)
            let rows = try await executor.read(
                query.statement, model: model, principal: Fixture.acme, timeout: Fixture.timeout)
            let shaped = try ResultShaper(hashKey: Fixture.hashKey).shape(rows, fields: query.fields)
            #expect(shaped.map { $0["id"] } == [.int(1), .int(2), .int(3)])
            #expect(shaped.map { $0["name"] } == [.string("Ada"), .string("Bob"), .string("Cyd")])
            #expect(shaped.map { $0["ssn"] } == [.string("***-**-1234"), .string("***-**-4321"), .null])
            guard case .string(let hash) = shaped[0]["email"] else {
                Issue.record("email is not hashed text")
                return
            }
            #expect(hash.count == 64 && hash != "ada@acme.test")
            #expect(shaped[1]["email"] == .null)
            let again = try ResultShaper(hashKey: Fixture.hashKey).shape(rows, fields: query.fields)
            #expect(again[0]["email"] == .string(hash))
            let otherKey = try ResultShaper(hashKey: Array(repeating: 1, count: 32)).shape(rows, fields: query.fields)
            #expect(otherKey[0]["email"] != .string(hash))
        }
    }

    @Test("get of another tenant's id returns no row", arguments: SQLDialect.allCases)
    func getOtherTenant(dialect: SQLDialect) async throws {
        try await Fixture.with(dialect) { executor in
            let compiler = DataCompiler(dialect: dialect, cursorKey: DataFixtures.cursorKey)
            for (id, expected) in [(4, 0), (1, 1)] {
                let request = try GetRequest(
                    arguments: .object(["model": .string("users"), "id": .int(Int64(id))]), model: Fixture.model)
                let read = try compiler.compile(request, model: Fixture.model, principal: Fixture.acme)
                let rows = try await executor.read(
                    read.statement, model: Fixture.model, principal: Fixture.acme, timeout: Fixture.timeout)
                #expect(rows.count == expected)
            }
        }
    }

    @Test("aggregate sum equals the raw SQL sum", arguments: SQLDialect.allCases)
    func aggregateSum(dialect: SQLDialect) async throws {
        try await Fixture.with(dialect) { executor in
            let request = try AggregateRequest(
                arguments: .object(["model": .string("users"), "op": .string("sum"), "field": .string("salary")]),
                model: Fixture.model)
            let read = try DataCompiler(dialect: dialect, cursorKey: DataFixtures.cursorKey)
                .compile(request, model: Fixture.model, principal: Fixture.acme)
            let rows = try await executor.read(
                read.statement, model: Fixture.model, principal: Fixture.acme, timeout: Fixture.timeout)
            let raw = try await executor.read(
                CompiledStatement(sql: "SELECT SUM(salary) FROM users WHERE tenant_id = 'acme'", binds: []),
                model: Fixture.model, principal: Fixture.acme, timeout: Fixture.timeout)
            #expect(rows.count == 1)
            #expect(Self.number(rows[0].last) == 425)
            #expect(Self.number(rows[0].last) == Self.number(raw[0][0]))
        }
    }

    @Test(
        "a slow statement stops with statement_timeout and the executor answers the next call",
        arguments: SQLDialect.allCases)
    func statementTimeout(dialect: SQLDialect) async throws {
        try await Fixture.with(dialect) { executor in
            // The authorizer refuses a recursive CTE (it reads a table other than the model's), so the slow
            // SQLite statement is a 15-way self join: 4^15 (about 1e9) rows to count.
            let join = (1...15).map { "users u\($0)" }.joined(separator: ", ")
            let slow = dialect == .sqlite ? "SELECT COUNT(u1.id) FROM \(join)" : "SELECT pg_sleep(30)"
            let clock = ContinuousClock()
            let start = clock.now
            let error = await #expect(throws: HangarError.self) {
                try await executor.read(
                    CompiledStatement(sql: slow, binds: []), model: Fixture.model, principal: Fixture.acme,
                    timeout: .milliseconds(500))
            }
            #expect(error?.code == .statementTimeout, "\(String(describing: error))")
            #expect(error?.message.contains("SELECT") == false)
            // The statement would run 30 s; stopping within a few seconds on a loaded machine is the point.
            #expect(clock.now - start < .seconds(5))
            let rows = try await executor.read(
                CompiledStatement(sql: "SELECT COUNT(*) FROM users", binds: []), model: Fixture.model,
                principal: Fixture.acme, timeout: Fixture.timeout)
            #expect(Self.number(rows.first?.first) == 4)
        }
    }

    @Test("a write through read is refused without SQL in the message", arguments: SQLDialect.allCases)
    func writeRefused(dialect: SQLDialect) async throws {
        try await Fixture.with(dialect) { executor in
            for sql in ["UPDATE users SET salary = 0", "DELETE FROM users", "SELEC name FROM users"] {
                let error = await #expect(throws: HangarError.self) {
                    try await executor.read(
                        CompiledStatement(sql: sql, binds: []), model: Fixture.model, principal: Fixture.acme,
                        timeout: Fixture.timeout)
                }
                #expect(error?.code == .databaseError)
                #expect(error.map { Self.isClean($0.message) } == true)
            }
            let rows = try await executor.read(
                CompiledStatement(sql: "SELECT SUM(salary) FROM users", binds: []), model: Fixture.model,
                principal: Fixture.acme, timeout: Fixture.timeout)
            #expect(Self.number(rows.first?.first) == 1425)
        }
    }

    @Test("the SQLite authorizer refuses hidden columns and other tables")
    func sqliteAuthorizer() async throws {
        try await Fixture.withSQLite { executor in
            for sql in [
                "SELECT password_hash FROM users", "SELECT id FROM users WHERE PASSWORD_HASH = 'h1'",
                "SELECT max(password_hash) FROM users", "SELECT name FROM sqlite_master",
            ] {
                let error = await #expect(throws: HangarError.self) {
                    try await executor.read(
                        CompiledStatement(sql: sql, binds: []), model: Fixture.model, principal: Fixture.acme,
                        timeout: Fixture.timeout)
                }
                #expect(error?.code == .databaseError)
                #expect(error.map { Self.isClean($0.message) } == true)
            }
            let rows = try await executor.read(
                CompiledStatement(sql: "SELECT tenant_id, name FROM users WHERE id = 1", binds: []),
                model: Fixture.model, principal: Fixture.acme, timeout: Fixture.timeout)
            #expect(rows == [[.text("acme"), .text("Ada")]])
        }
    }

    static func number(_ value: DataValue?) -> Double? {
        switch value {
        case .integer(let integer): Double(integer)
        case .real(let real): real
        default: nil
        }
    }

    /// Whether a message names no SQL, table, hidden column or path.
    static func isClean(_ message: String) -> Bool {
        ["SELECT", "UPDATE", "DELETE", "users", "password", "/", "sqlite_master"].allSatisfy {
            !message.localizedCaseInsensitiveContains($0)
        }
    }
}
