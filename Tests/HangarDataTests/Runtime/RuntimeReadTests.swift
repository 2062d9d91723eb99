import HangarCore
import HangarData
import HangarStore
import HangarTesting
import Testing

/// The read tools end to end: policy file, introspected schema, real database, shaped results, one audit
/// event per call. On SQLite and PostgreSQL.
@Suite struct RuntimeReadTests {
    @Test(arguments: SQLDialect.allCases)
    func queryReturnsOnlyTheTenantsLiveRowsShapedByPolicy(_ dialect: SQLDialect) async throws {
        try await RuntimeFixture.with(dialect) { context in
            let result = try await context.runtime.call(
                .query,
                arguments: RuntimeFixture.json(
                    #"{"model":"users","select":["name","ssn","email"],"order_by":[{"field":"name"}]}"#),
                as: RuntimeFixture.acme)
            let rows = try #require(result["rows"]?.arrayValue)
            #expect(rows.map { $0["name"] } == ["Ada", "Bob", "Cyd"])
            #expect(rows.map { $0["ssn"] } == ["***-**-1234", "***-**-4321", .null])
            let email = try #require(rows[0]["email"]?.stringValue)
            #expect(email.count == 64 && !email.contains("ada"))
            #expect(rows[1]["email"] == .null)
            #expect(result["next_cursor"] == .null)
            let audit = try await context.audit()
            #expect(audit.count == 1)
            #expect(audit[0].stream == "data:agent-1")
            #expect(audit[0].payload["decision"] == "allowed")
            #expect(audit[0].payload["rows"] == .int(3))
            #expect(audit[0].payload["tenant"] == "acme")
        }
    }

    @Test(arguments: SQLDialect.allCases)
    func keysetPagesAreBoundToThePrincipal(_ dialect: SQLDialect) async throws {
        try await RuntimeFixture.with(dialect) { context in
            let first = try await context.runtime.call(
                .query, arguments: RuntimeFixture.json(#"{"model":"users","select":["name"],"limit":2}"#),
                as: RuntimeFixture.acme)
            #expect(first["rows"]?.arrayValue?.map { $0["name"] } == ["Ada", "Bob"])
            let cursor = try #require(first["next_cursor"]?.stringValue)
            let next: JSONValue = ["model": "users", "select": ["name"], "limit": 2, "cursor": .string(cursor)]
            let second = try await context.runtime.call(.query, arguments: next, as: RuntimeFixture.acme)
            #expect(second["rows"]?.arrayValue?.map { $0["name"] } == ["Cyd"])
            #expect(second["next_cursor"] == .null)
            await expectError(.cursorInvalid) {
                try await context.runtime.call(.query, arguments: next, as: RuntimeFixture.globex)
            }
        }
    }

    @Test(arguments: SQLDialect.allCases)
    func getOfAnotherTenantsADeletedAndAMissingRowAreByteIdentical(_ dialect: SQLDialect) async throws {
        try await RuntimeFixture.with(dialect) { context in
            var messages: [String] = []
            for id in [4, 5, 999] {
                do {
                    _ = try await context.runtime.call(
                        .get, arguments: ["model": "users", "id": .int(Int64(id))], as: RuntimeFixture.acme)
                    Issue.record("row \(id) was returned")
                } catch let error as HangarError {
                    #expect(error.code == .notFound)
                    messages.append("\(error.code.rawValue): \(error.message)")
                }
            }
            #expect(Set(messages).count == 1)
            let own = try await context.runtime.call(
                .get, arguments: ["model": "users", "id": 1], as: RuntimeFixture.acme)
            #expect(own["row"]?["name"] == "Ada")
            #expect(
                try await context.audit().map { $0.payload["error"] ?? .null } == [
                    "not_found", "not_found", "not_found", .null,
                ])
        }
    }

    @Test(arguments: SQLDialect.allCases)
    func aggregatesStayInTheTenant(_ dialect: SQLDialect) async throws {
        try await RuntimeFixture.with(dialect) { context in
            let total = try await context.runtime.call(
                .aggregate, arguments: ["model": "users", "op": "sum", "field": "salary"], as: RuntimeFixture.acme)
            #expect(total["value"] == .int(425))
            let grouped = try await context.runtime.call(
                .aggregate, arguments: ["model": "users", "op": "count", "group_by": ["status"]],
                as: RuntimeFixture.acme)
            #expect(
                grouped["groups"]
                    == [["group": ["status": "active"], "value": 2], ["group": ["status": "away"], "value": 1]])
            await expectError(.fieldNotAggregatable) {
                try await context.runtime.call(
                    .aggregate, arguments: ["model": "users", "op": "max", "field": "ssn"], as: RuntimeFixture.acme)
            }
        }
    }

    @Test(arguments: SQLDialect.allCases)
    func describeShowsOnlyWhatThePrincipalMayUse(_ dialect: SQLDialect) async throws {
        try await RuntimeFixture.with(dialect) { context in
            let description = try await context.runtime.call(.describe, arguments: [:], as: RuntimeFixture.acme)
            let text = description.canonicalString()
            for hidden in ["password_hash", "tenant_id", "deleted_at", "owner_id"] { #expect(!text.contains(hidden)) }
            let users = try #require(description["models"]?.arrayValue?.first { $0["name"] == "users" })
            #expect(
                users["fields"]?.arrayValue?.map { $0["name"] } == ["email", "id", "name", "salary", "ssn", "status"])
            let reader = Principal(id: "reader", tenant: "acme", scopes: [DataScope.read])
            let readOnly = try await context.runtime.call(.describe, arguments: [:], as: reader)
            #expect(readOnly["models"]?.arrayValue?.allSatisfy { $0["writes"]?["operations"] == [] } == true)
            let noTenant = Principal(id: "ops", tenant: nil, scopes: [DataScope.read])
            let none = try await context.runtime.call(.describe, arguments: [:], as: noTenant)
            #expect(none["models"] == [])
            await expectError(.unknownModel) {
                try await context.runtime.call(.query, arguments: ["model": "users"], as: noTenant)
            }
        }
    }
}

extension RuntimeReadTests {
    @Test(arguments: SQLDialect.allCases)
    func includedRowsKeepTheTenantScope(_ dialect: SQLDialect) async throws {
        try await RuntimeFixture.with(dialect) { context in
            let result = try await context.runtime.call(
                .query,
                arguments: [
                    "model": "users", "select": ["name"], "limit": 2,
                    "include": ["orders": ["select": ["total"]]],
                ],
                as: RuntimeFixture.acme)
            let rows = try #require(result["rows"]?.arrayValue)
            #expect(rows.map { $0["name"] } == ["Ada", "Bob"])
            #expect(rows.map { $0["orders"] } == [[["total": 10], ["total": 20]], [["total": 5]]])
            await expectError(.unknownField) {
                try await context.runtime.call(
                    .query, arguments: ["model": "users", "include": ["notes": [:]]], as: RuntimeFixture.acme)
            }
        }
    }
}
