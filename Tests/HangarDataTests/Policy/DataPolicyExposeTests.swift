import Foundation
import HangarCore
import HangarData
import HangarTesting
import Testing

@Suite struct DataPolicyExposeTests {
    let schema = SchemaFixture.expected(.sqlite)

    func expose(_ json: String) throws -> [String: ExposedModel] {
        try DataPolicy.parse(Data(json.utf8)).expose(schema: schema)
    }

    func exposeError(_ json: String) async -> String? {
        await expectError(.dataPolicyInvalid) { try expose(json) }?.message
    }

    @Test func exposesOnlyWhatThePolicyAllows() throws {
        let models = try expose(
            """
            {"version": 1, "models": {
              "users": {"fields": {"id": "allow", "ssn": {"access": "mask", "pattern": "***-**-{last4}"},
                                   "salary": {"access": "allow", "aggregatable": true}, "name": "deny",
                                   "password_hash": "allow", "tenant_id": "allow"},
                        "row_scope": {"tenant_field": "tenant_id", "owner_field": "owner_id",
                                      "soft_delete_field": "deleted_at"},
                        "relations": {"orders": {"model": "orders", "from": "id", "to": "user_id", "many": true}},
                        "writes": {"operations": ["update"], "read_only": ["id"]}},
              "orders": {"fields": {"id": "allow", "user_id": "allow", "total": "hash"}},
              "audit_log": {"fields": {}, "primary_key": "seq"}}}
            """)
        let expected = ExposedModel(
            name: "users", primaryKey: "id",
            fields: [
                "id": ExposedField(
                    name: "id", type: .integer, nullable: false, access: .allow, filterable: true, sortable: true,
                    aggregatable: false),
                "ssn": ExposedField(
                    name: "ssn", type: .text, nullable: true, access: .mask(pattern: "***-**-{last4}"),
                    filterable: false, sortable: false, aggregatable: false),
                "salary": ExposedField(
                    name: "salary", type: .real, nullable: true, access: .allow, filterable: true, sortable: true,
                    aggregatable: true),
            ],
            tenantColumn: "tenant_id", ownerColumn: "owner_id", softDeleteColumn: "deleted_at",
            relations: ["orders": ExposedRelation(model: "orders", from: "id", to: "user_id", many: true, maxDepth: 1)],
            writes: WritePolicy(operations: [.update], readOnlyFields: ["id"]))
        #expect(models["users"] == expected)
        #expect(models["orders"]?.fields.keys.sorted() == ["id", "total", "user_id"])
        #expect(models["orders"]?.fields["total"]?.access == .hash)
        #expect(models.keys.sorted() == ["orders", "users"])
    }

    @Test func namesAreCanonicalized() throws {
        let models = try expose(#"{"version": 1, "models": {"USERS": {"fields": {"Email": "allow"}}}}"#)
        #expect(models["users"]?.fields.keys.sorted() == ["email"])
        #expect(models["users"]?.name == "users")
    }

    @Test(arguments: [
        (
            #"{"version": 1, "models": {"userz": {"fields": {"id": "allow"}}}}"#,
            "$.models.userz: the database has no table 'userz'"
        ),
        (
            #"{"version": 1, "models": {"sqlite_master": {"fields": {"name": "allow"}}}}"#,
            "$.models.sqlite_master: the database has no table 'sqlite_master'"
        ),
        (
            #"{"version": 1, "models": {"users": {"fields": {"emial": "allow"}}}}"#,
            "$.models.users.fields.emial: table 'users' has no column 'emial'"
        ),
        (
            #"{"version": 1, "models": {"users": {"fields": {"ghost": "deny"}}}}"#,
            "$.models.users.fields.ghost: table 'users' has no column 'ghost'"
        ),
        (
            #"{"version": 1, "models": {"users": {"fields": {"id": "allow"}, "primary_key": "uid"}}}"#,
            "$.models.users.primary_key: table 'users' has no column 'uid'"
        ),
        (
            #"{"version": 1, "models": {"audit_log": {"fields": {"seq": "allow"}}}}"#,
            "$.models.audit_log: table 'audit_log' has no single-column primary key; set primary_key"
        ),
        (
            #"{"version": 1, "models": {"users": {"fields": {"id": "allow"}, "row_scope": {"tenant_field": "org"}}}}"#,
            "$.models.users.row_scope.tenant_field: table 'users' has no column 'org'"
        ),
        (
            #"{"version": 1, "models": {"users": {"fields": {"id": "allow"}, "writes": {"read_only": ["uid"]}}}}"#,
            "$.models.users.writes.read_only: table 'users' has no column 'uid'"
        ),
        (
            #"{"version": 1, "models": {"users": {"fields": {"id": "allow"}}, "Users": {"fields": {}}}}"#,
            "$.models.users: names the same table as 'Users'"
        ),
        (
            #"{"version": 1, "models": {"users": {"fields": {"id": "allow"}, "relations": {"o": "#
                + #"{"model": "orders", "from": "id", "to": "user_id"}}}}}"#,
            "$.models.users.relations.o.model: model 'orders' is not exposed (not in the policy, or no field allowed)"
        ),
        (
            #"{"version": 1, "models": {"users": {"fields": {"id": "allow"}, "relations": {"o": "#
                + #"{"model": "orders", "from": "id", "to": "user_id"}}}, "orders": {"fields": {}}}}"#,
            "$.models.users.relations.o.model: model 'orders' is not exposed (not in the policy, or no field allowed)"
        ),
        (
            #"{"version": 1, "models": {"users": {"fields": {"id": "allow"}, "relations": {"o": "#
                + #"{"model": "orders", "from": "id", "to": "user_id"}}}, "orders": {"fields": {"id": "allow"}}}}"#,
            "$.models.users.relations.o.to: 'user_id' is not an allowed field of model 'orders'"
        ),
        (
            #"{"version": 1, "models": {"users": {"fields": {"id": "allow"}, "row_scope": {"tenant_field": "#
                + #""tenant_id"}, "relations": {"o": {"model": "orders", "from": "tenant_id", "to": "user_id"}}}, "#
                + #""orders": {"fields": {"user_id": "allow"}}}}"#,
            "$.models.users.relations.o.from: 'tenant_id' is not an allowed field of model 'users'"
        ),
    ])
    func policyThatDoesNotFitTheSchemaIsRefused(json: String, message: String) async {
        #expect(await exposeError(json) == "invalid data policy at " + message)
    }

    @Test func unsupportedColumnTypeIsRefused() async throws {
        var schema = schema
        schema.tables["orders"]?.columns.append(
            SchemaColumn(name: "tags", declaredType: "ARRAY", type: nil, nullable: true, primaryKey: false))
        let policy = try DataPolicy.parse(
            Data(#"{"version": 1, "models": {"orders": {"fields": {"tags": "allow"}}}}"#.utf8))
        let error = await expectError(.dataPolicyInvalid) { try policy.expose(schema: schema) }
        #expect(
            error?.message
                == "invalid data policy at $.models.orders.fields.tags: column 'tags' has type 'ARRAY', which the "
                + "data tools do not support")
    }

    @Test func emptyPolicyExposesNothing() throws {
        #expect(try expose(#"{"version": 1, "models": {}}"#).isEmpty)
    }
}
