import Foundation
import HangarData
import Testing

@Suite struct StarterPolicyTests {
    @Test func starterPolicyParsesExposesNothingAndListsEveryColumn() async throws {
        let schema = try await SchemaFixture.sqliteCatalog()
        let text = StarterPolicy.generate(schema: schema)
        let policy = try DataPolicy.parse(Data(text.utf8))
        #expect(try policy.expose(schema: schema).isEmpty)
        #expect(policy.models.keys.sorted() == ["audit_log", "orders", "users"])
        #expect(policy.models.values.allSatisfy { $0.fields.isEmpty })
        #expect(policy.models["users"]?.primaryKey == "id")
        #expect(policy.models["audit_log"]?.primaryKey == nil)
        let annotated = try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let models = try #require(annotated["models"] as? [String: [String: Any]])
        #expect(
            models["users"]?["_columns"] as? [String] == [
                "id INTEGER, not null, primary key", "tenant_id TEXT, not null", "owner_id TEXT",
                "email TEXT, not null", "ssn VARCHAR(11)", "name TEXT", "salary REAL", "active BOOLEAN, not null",
                "created_at TIMESTAMP", "password_hash TEXT, globally denied by '*password*'", "deleted_at TIMESTAMP",
            ])
        #expect(
            models["orders"]?["_columns"] as? [String] == [
                "id INTEGER, not null, primary key", "user_id INTEGER, not null", "total NUMERIC(10, 2)", "note TEXT",
            ])
        #expect(
            models["audit_log"]?["_columns"] as? [String] == [
                "seq INTEGER, not null, primary key", "at TEXT, not null, primary key",
            ])
    }

    @Test func starterPolicyTextIsExact() {
        let schema = SchemaCatalog([
            SchemaTable(
                name: "t",
                columns: [
                    SchemaColumn(name: "id", declaredType: "INTEGER", type: .integer, nullable: false, primaryKey: true)
                ],
                primaryKey: ["id"])
        ])
        let expected = """
            {
              "models" : {
                "t" : {
                  "_columns" : [
                    "id INTEGER, not null, primary key"
                  ],
                  "fields" : {

                  },
                  "primary_key" : "id"
                }
              },
              "version" : 1
            }

            """
        #expect(StarterPolicy.generate(schema: schema) == expected)
    }
}
