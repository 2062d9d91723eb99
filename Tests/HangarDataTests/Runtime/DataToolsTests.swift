import HangarCore
import HangarData
import HangarStore
import HangarTesting
import HangarTools
import Testing

/// The data tools on the tool registry: schemas generated per principal, and exactly one audit event per
/// call whether the registry or the runtime refused it.
@Suite struct DataToolsTests {
    @Test func schemasNameOnlyWhatThePrincipalMayUse() async throws {
        try await RuntimeFixture.with(.sqlite) { context in
            let writer = DataTools.definitions(runtime: context.runtime, principal: RuntimeFixture.acme)
            #expect(
                writer.map(\.name)
                    == [
                        "db.describe", "db.query", "db.get", "db.aggregate", "db.create", "db.update", "db.delete",
                        "db.bulk_update",
                    ])
            let query = try #require(writer.first { $0.name == "db.query" })
            #expect(query.inputSchema["properties"]?["model"]?["enum"] == ["notes", "orders", "users"])
            #expect(
                query.inputSchema["properties"]?["select"]?["items"]?["enum"]
                    == ["body", "email", "id", "name", "salary", "ssn", "status", "title", "total", "user_id"])
            let bulk = try #require(writer.first { $0.name == "db.bulk_update" })
            #expect(bulk.inputSchema["properties"]?["model"]?["enum"] == ["users"])
            for definition in writer {
                let text = definition.inputSchema.canonicalString()
                for hidden in ["password_hash", "tenant_id", "owner_id", "deleted_at"] {
                    #expect(!text.contains(hidden))
                }
            }
            let reader = Principal(id: "reader", tenant: "acme", scopes: [DataScope.read])
            #expect(
                DataTools.definitions(runtime: context.runtime, principal: reader).map(\.name)
                    == ["db.describe", "db.query", "db.get", "db.aggregate"])
        }
    }

    @Test(arguments: SQLDialect.allCases)
    func everyCallThroughTheRegistryIsExactlyOneEvent(_ dialect: SQLDialect) async throws {
        try await RuntimeFixture.with(dialect) { context in
            let registry = ToolRegistry(storage: context.storage, logger: RuntimeFixture.logger)
            try DataTools.register(on: registry, runtime: context.runtime, principal: RuntimeFixture.acme)
            let caller = ToolCaller.local()
            let start = try await context.storage.head()
            _ = try await registry.call("db.query", arguments: ["model": "users", "select": ["name"]], caller: caller)
            await expectError(.invalidArguments) {
                try await registry.call(
                    "db.query", arguments: ["model": "users", "select": ["password_hash"]], caller: caller)
            }
            await expectError(.fieldNotFilterable) {
                try await registry.call(
                    "db.query", arguments: ["model": "users", "where": ["ssn": ["eq": "123-45-1234"]]], caller: caller)
            }
            let events = try await context.storage.read(EventQuery(after: start))
            #expect(events.map(\.kind) == ["data.called", "tool.called", "data.called"])
            #expect(events[1].payload["outcome"] == "invalid_arguments")
            #expect(events[2].payload["error"] == "field_not_filterable")
            #expect(events[2].payload["arguments"]?["where"]?["ssn"] == "[redacted]")
            #expect(!events.map { $0.payload.canonicalString() }.joined().contains("123-45-1234"))
        }
    }
}
