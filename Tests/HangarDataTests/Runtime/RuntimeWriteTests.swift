import HangarCore
import HangarData
import HangarStore
import HangarTesting
import Testing

/// The write tools end to end: row scope in every write, `max_affected_rows` before anything changes,
/// before and after images in the audit, the database's constraints as a clear code. Each refusal re-reads
/// the operator database to show nothing changed.
@Suite struct RuntimeWriteTests {
    @Test(arguments: SQLDialect.allCases)
    func updateChangesOneRowAndAuditsBeforeAndAfter(_ dialect: SQLDialect) async throws {
        try await RuntimeFixture.with(dialect) { context in
            let result = try await context.runtime.call(
                .update, arguments: ["model": "users", "id": 2, "data": ["name": "Bobby"]], as: RuntimeFixture.acme)
            #expect(result["affected"] == 1)
            #expect(result["rows"]?.arrayValue?.first?["name"] == "Bobby")
            #expect(try await context.raw("SELECT name FROM users WHERE id = 2") == [[.text("Bobby")]])
            let event = try #require(try await context.audit().last)
            #expect(event.payload["before"]?.arrayValue?.first?["name"] == "Bob")
            #expect(event.payload["before"]?.arrayValue?.first?["ssn"] == "***-**-4321")
            #expect(event.payload["after"]?.arrayValue?.first?["name"] == "Bobby")
            #expect(!event.payload.canonicalString().contains("987-65-4321"))
        }
    }

    @Test(arguments: SQLDialect.allCases)
    func theTenantCannotBeWrittenOrEscaped(_ dialect: SQLDialect) async throws {
        try await RuntimeFixture.with(dialect) { context in
            await expectError(.rowScopeViolation) {
                try await context.runtime.call(
                    .update, arguments: ["model": "users", "id": 1, "data": ["tenant_id": "globex"]],
                    as: RuntimeFixture.acme)
            }
            await expectError(.rowScopeViolation) {
                try await context.runtime.call(
                    .create,
                    arguments: ["model": "users", "data": ["name": "Mal", "salary": 1, "tenant_id": "globex"]],
                    as: RuntimeFixture.acme)
            }
            await expectError(.notFound) {
                try await context.runtime.call(
                    .update, arguments: ["model": "users", "id": 4, "data": ["name": "Owned"]], as: RuntimeFixture.acme)
            }
            await expectError(.notFound) {
                try await context.runtime.call(
                    .delete, arguments: ["model": "users", "id": 4], as: RuntimeFixture.acme)
            }
            #expect(
                try await context.raw("SELECT id, tenant_id, name, deleted_at FROM users ORDER BY id").prefix(4).map {
                    $0
                }
                    == [
                        [.integer(1), .text("acme"), .text("Ada"), .null],
                        [.integer(2), .text("acme"), .text("Bob"), .null],
                        [.integer(3), .text("acme"), .text("Cyd"), .null],
                        [.integer(4), .text("globex"), .text("Dee"), .null],
                    ])
            #expect(try await context.raw("SELECT COUNT(*) FROM users") == [[.integer(5)]])
            let decisions = try await context.audit().map { $0.payload["decision"] ?? .null }
            #expect(decisions == ["refused", "refused", "refused", "refused"])
        }
    }

    @Test(arguments: SQLDialect.allCases)
    func createTakesTheTenantFromThePrincipal(_ dialect: SQLDialect) async throws {
        try await RuntimeFixture.with(dialect) { context in
            let created = try await context.runtime.call(
                .create, arguments: ["model": "users", "data": ["name": "Fay", "salary": 5, "ssn": "111-22-3333"]],
                as: RuntimeFixture.acme)
            #expect(created["affected"] == 1)
            #expect(created["rows"]?.arrayValue?.first?["ssn"] == "***-**-3333")
            #expect(
                try await context.raw("SELECT tenant_id, salary FROM users WHERE name = 'Fay'")
                    == [[.text("acme"), .integer(5)]])
            let event = try #require(try await context.audit().last)
            #expect(event.payload["arguments"]?["data"]?["ssn"] == "[redacted]")
            #expect(!event.payload.canonicalString().contains("111-22-3333"))
        }
    }

    @Test(arguments: SQLDialect.allCases)
    func bulkUpdatesOverTheCapChangeNothing(_ dialect: SQLDialect) async throws {
        try await RuntimeFixture.with(dialect) { context in
            let state = "SELECT id, status FROM users ORDER BY id"
            let before = try await context.raw(state)
            await expectError(.tooManyRows) {
                try await context.runtime.call(
                    .bulkUpdate,
                    arguments: ["model": "users", "where": ["salary": ["gte": 0]], "data": ["status": "gone"]],
                    as: RuntimeFixture.acme)
            }
            #expect(try await context.raw(state) == before)
            let result = try await context.runtime.call(
                .bulkUpdate,
                arguments: ["model": "users", "where": ["status": ["eq": "away"]], "data": ["status": "gone"]],
                as: RuntimeFixture.acme)
            #expect(result["affected"] == 1)
            #expect(try await context.raw("SELECT status FROM users WHERE id = 3") == [[.text("gone")]])
        }
    }

    @Test(arguments: SQLDialect.allCases)
    func deleteIsSoftWhereTheModelSaysSo(_ dialect: SQLDialect) async throws {
        try await RuntimeFixture.with(dialect) { context in
            let result = try await context.runtime.call(
                .delete, arguments: ["model": "users", "id": 3], as: RuntimeFixture.acme)
            #expect(result == ["affected": 1, "rows": []])
            #expect(
                try await context.raw("SELECT COUNT(*) FROM users WHERE id = 3 AND deleted_at IS NOT NULL") == [
                    [.integer(1)]
                ])
            await expectError(.notFound) {
                try await context.runtime.call(.get, arguments: ["model": "users", "id": 3], as: RuntimeFixture.acme)
            }
        }
    }

    @Test(arguments: SQLDialect.allCases)
    func aConstraintViolationIsAClearCodeAndTheNextCallWorks(_ dialect: SQLDialect) async throws {
        try await RuntimeFixture.with(dialect) { context in
            let error = await expectError(.constraintViolation) {
                try await context.runtime.call(
                    .create, arguments: ["model": "users", "data": ["name": "Ada", "salary": 1]],
                    as: RuntimeFixture.acme)
            }
            #expect(error?.message.contains("name") == false)
            #expect(error?.message.contains("users_") == false)
            #expect(try await context.raw("SELECT COUNT(*) FROM users") == [[.integer(5)]])
            let own = try await context.runtime.call(
                .get, arguments: ["model": "users", "id": 1], as: RuntimeFixture.acme)
            #expect(own["row"]?["name"] == "Ada")
        }
    }

    @Test(arguments: SQLDialect.allCases)
    func writesNeedTheWriteScope(_ dialect: SQLDialect) async throws {
        try await RuntimeFixture.with(dialect) { context in
            let reader = Principal(id: "reader", tenant: "acme", scopes: [DataScope.read])
            await expectError(.forbidden) {
                try await context.runtime.call(
                    .update, arguments: ["model": "users", "id": 1, "data": ["name": "X"]], as: reader)
            }
            let name = try await context.raw("SELECT name FROM users WHERE id = 1")
            #expect(name == [[.text("Ada")]])
        }
    }
}

extension RuntimeWriteTests {
    /// An agent that sees a hashed email cannot overwrite it unless the policy makes the field `writable`
    /// (the fixture does so for the masked `ssn`, not for `email`).
    @Test(arguments: SQLDialect.allCases)
    func maskedAndHashedFieldsAreNotWritableByDefault(_ dialect: SQLDialect) async throws {
        try await RuntimeFixture.with(dialect) { context in
            let error = await expectError(.invalidArguments) {
                try await context.runtime.call(
                    .update, arguments: ["model": "users", "id": 1, "data": ["email": "x@evil.test"]],
                    as: RuntimeFixture.acme)
            }
            #expect(error?.message == "field 'email' is read-only")
            let row = try await context.raw("SELECT email FROM users WHERE id = 1")
            #expect(row == [[.text("ada@acme.test")]])
            let description = try await context.runtime.call(.describe, arguments: [:], as: RuntimeFixture.acme)
            let users = description["models"]?.arrayValue?.first { $0["name"] == "users" }
            let writable = users?["fields"]?.arrayValue?.filter { $0["writable"] == true }.compactMap { $0["name"] }
            #expect(writable == ["name", "salary", "ssn", "status"])
        }
    }
}
