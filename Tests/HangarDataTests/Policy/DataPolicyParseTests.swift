import Foundation
import HangarCore
import HangarData
import HangarTesting
import Testing

@Suite struct DataPolicyParseTests {
    static let fullPolicy = """
        { "version": 1,
          "models": { "users": {
              "fields": { "id": "allow", "email": {"access": "mask", "pattern": "{first1}***@{domain}", "filterable": false},
                          "ssn": {"access": "mask", "pattern": "***-**-{last4}"},
                          "name": {"access": "allow", "filterable": true, "sortable": true},
                          "salary": {"access": "allow", "aggregatable": true}, "notes": "deny",
                          "email_digest": {"access": "hash", "filterable": true} },
              "primary_key": "id",
              "row_scope": {"tenant_field": "tenant_id", "owner_field": "owner_id", "soft_delete_field": "deleted_at"},
              "relations": {"orders": {"model": "orders", "from": "id", "to": "user_id", "many": true, "max_depth": 2}},
              "writes": {"operations": ["create", "update"], "read_only": ["id"], "max_affected_rows": 3,
                         "require_reason": true, "require_approval": false},
              "budgets": {"max_rows": 100, "max_selected_fields": 20, "max_filter_nodes": 32, "max_filter_depth": 6,
                          "max_in_list": 500, "statement_timeout_ms": 2000, "calls_per_minute": 600} },
            "orders": { "fields": {"id": "allow"}, "_columns": ["id INTEGER, primary key"] } },
          "global_deny": ["*ssn_raw*"] }
        """

    @Test func fullPolicyParsesToTheExactModel() throws {
        let policy = try DataPolicy.parse(Data(Self.fullPolicy.utf8))
        let users = try #require(policy.models["users"])
        let expected = ModelPolicy(
            fields: [
                "id": FieldPolicy(access: .allow),
                "email": FieldPolicy(access: .mask(try MaskPattern("{first1}***@{domain}")), filterable: false),
                "ssn": FieldPolicy(access: .mask(try MaskPattern("***-**-{last4}"))),
                "name": FieldPolicy(access: .allow, filterable: true, sortable: true),
                "salary": FieldPolicy(access: .allow, aggregatable: true),
                "notes": FieldPolicy(access: .deny),
                "email_digest": FieldPolicy(access: .hash, filterable: true),
            ],
            primaryKey: "id",
            rowScope: RowScope(tenantField: "tenant_id", ownerField: "owner_id", softDeleteField: "deleted_at"),
            relations: ["orders": RelationPolicy(model: "orders", from: "id", to: "user_id", many: true, maxDepth: 2)],
            writes: WritePolicy(
                operations: [.create, .update], readOnlyFields: ["id"], maxAffectedRows: 3, requireReason: true,
                requireApproval: false),
            budgets: DataBudgets(
                maxRows: 100, maxSelectedFields: 20, maxFilterNodes: 32, maxFilterDepth: 6, maxInListSize: 500,
                statementTimeoutMilliseconds: 2000, callsPerMinute: 600))
        #expect(users == expected)
        #expect(policy.models["orders"] == ModelPolicy(fields: ["id": FieldPolicy(access: .allow)]))
        #expect(policy.models.count == 2)
        #expect(policy.globalDeny.map(\.pattern) == ["*ssn_raw*"])
        #expect(policy.warnings == [])
    }

    @Test func flagsDefaultByAccess() throws {
        let json =
            #"{"version": 1, "models": {"t": {"fields": {"a": "allow", "h": "hash", "d": "deny", "#
            + #""m": {"access": "mask", "pattern": "{last2}"}}}}}"#
        let policy = try DataPolicy.parse(Data(json.utf8))
        let fields = try #require(policy.models["t"]?.fields)
        let flags = fields.mapValues { [$0.filterable, $0.sortable, $0.aggregatable, $0.writable] }
        #expect(
            flags == [
                "a": [true, true, false, true], "h": [false, false, false, false], "d": [false, false, false, false],
                "m": [false, false, false, false],
            ])
    }

    static let badPolicies: [(json: String, message: String)] = [
        (#"{"models": {}}"#, "$: missing required key 'version'"),
        (#"{"version": 1}"#, "$: missing required key 'models'"),
        (#"{"version": 2, "models": {}}"#, "$.version: unsupported version 2; this Hangar reads version 1"),
        (#"{"version": "1", "models": {}}"#, "$.version: expected an integer from 0 to 2147483647"),
        (
            #"{"version": 1, "models": {}, "extra": 1}"#,
            "$.extra: unknown key; expected one of version, models, global_deny"
        ),
        (#"{"version": 1, "models": []}"#, "$.models: expected an object"),
        (
            #"{"version": 1, "models": {"users": {"feilds": {}}}}"#,
            "$.models.users.feilds: unknown key; expected one of fields, primary_key, row_scope, relations, writes, "
                + "budgets, _columns"
        ),
        (
            #"{"version": 1, "models": {"users": {"fields": {"ssn": {"acces": "mask"}}}}}"#,
            "$.models.users.fields.ssn.acces: unknown key; expected one of access, pattern, filterable, sortable, "
                + "aggregatable, writable"
        ),
        (
            #"{"version": 1, "models": {"users": {"fields": {"x": "reveal"}}}}"#,
            "$.models.users.fields.x: unknown access 'reveal'; expected one of allow, deny, mask, hash"
        ),
        (
            #"{"version": 1, "models": {"users": {"fields": {"x": {"access": "show"}}}}}"#,
            "$.models.users.fields.x.access: unknown access 'show'; expected one of allow, deny, mask, hash"
        ),
        (
            #"{"version": 1, "models": {"users": {"fields": {"x": 1}}}}"#,
            "$.models.users.fields.x: expected an object"
        ),
        (
            #"{"version": 1, "models": {"users": {"fields": {"ssn": "mask"}}}}"#,
            #"$.models.users.fields.ssn: mask needs a pattern: {"access": "mask", "pattern": "***-**-{last4}"}"#
        ),
        (
            #"{"version": 1, "models": {"users": {"fields": {"ssn": {"access": "mask"}}}}}"#,
            "$.models.users.fields.ssn: missing required key 'pattern'"
        ),
        (
            #"{"version": 1, "models": {"users": {"fields": {"ssn": {"access": "mask", "pattern": "{last99}"}}}}}"#,
            "$.models.users.fields.ssn.pattern: unknown placeholder '{last99}' in mask pattern; expected {firstN}, "
                + "{lastN} (N from 1 to 32) or {domain}"
        ),
        (
            #"{"version": 1, "models": {"users": {"fields": {"ssn": {"access": "mask", "pattern": "***{last4"}}}}}"#,
            "$.models.users.fields.ssn.pattern: '{' without '}' in mask pattern"
        ),
        (
            #"{"version": 1, "models": {"users": {"fields": {"x": {"access": "allow", "pattern": "{last4}"}}}}}"#,
            "$.models.users.fields.x.pattern: a pattern is only allowed with access 'mask'"
        ),
        (
            #"{"version": 1, "models": {"users": {"fields": {"x": {"access": "allow", "filterable": "yes"}}}}}"#,
            "$.models.users.fields.x.filterable: expected true or false"
        ),
        (
            #"{"version": 1, "models": {"users": {"fields": {"x": {"access": "deny", "sortable": true}}}}}"#,
            "$.models.users.fields.x.sortable: a denied field cannot be sortable"
        ),
        (
            #"{"version": 1, "models": {"users": {"fields": {"bad key": {"acess": "allow"}}}}}"#,
            #"$.models.users.fields["bad key"].acess: unknown key; expected one of access, pattern, filterable, "#
                + "sortable, aggregatable, writable"
        ),
        (
            #"{"version": 1, "models": {"users": {"writes": {"operations": ["create", "truncate"]}}}}"#,
            "$.models.users.writes.operations[1]: unknown operation; expected one of create, update, delete, "
                + "bulk_update"
        ),
        (
            #"{"version": 1, "models": {"users": {"writes": {"operations": ["create", "create"]}}}}"#,
            "$.models.users.writes.operations[1]: duplicate operation 'create'"
        ),
        (
            #"{"version": 1, "models": {"users": {"writes": {"require_reason": 1}}}}"#,
            "$.models.users.writes.require_reason: expected true or false"
        ),
        (
            #"{"version": 1, "models": {"users": {"budgets": {"max_rows": 0}}}}"#,
            "$.models.users.budgets.max_rows: expected an integer from 1 to 10000"
        ),
        (
            #"{"version": 1, "models": {"users": {"budgets": {"max_rows": 1.5}}}}"#,
            "$.models.users.budgets.max_rows: expected an integer from 1 to 10000"
        ),
        (
            #"{"version": 1, "models": {"users": {"budgets": {"max_row": 5}}}}"#,
            "$.models.users.budgets.max_row: unknown key; expected one of max_rows, max_selected_fields, "
                + "max_filter_nodes, max_filter_depth, max_in_list, statement_timeout_ms, calls_per_minute"
        ),
        (
            #"{"version": 1, "models": {"users": {"relations": {"orders": {"model": "orders", "from": "id"}}}}}"#,
            "$.models.users.relations.orders: missing required key 'to'"
        ),
        (
            #"{"version": 1, "models": {"users": {"relations": {"o": {"model": "o", "from": "a", "to": "b", "#
                + #""max_depth": 9}}}}}"#,
            "$.models.users.relations.o.max_depth: expected an integer from 1 to 4"
        ),
        (
            #"{"version": 1, "models": {"users": {"row_scope": {"tenant_field": 7}}}}"#,
            "$.models.users.row_scope.tenant_field: expected a string"
        ),
        (
            #"{"version": 1, "models": {"users": {"row_scope": {"tenant": "tenant_id"}}}}"#,
            "$.models.users.row_scope.tenant: unknown key; expected one of tenant_field, owner_field, "
                + "soft_delete_field"
        ),
        (
            #"{"version": 1, "models": {"users": {"primary_key": ""}}}"#,
            "$.models.users.primary_key: expected a name of 1 to 128 characters"
        ),
        (
            #"{"version": 1, "models": {}, "global_deny": [""]}"#,
            "$.global_deny[0]: expected a pattern of 1 to 128 printable characters"
        ),
        (#"{"version": 1, "models": {}, "global_deny": "*x*"}"#, "$.global_deny: expected an array"),
    ]

    @Test(arguments: badPolicies)
    func badPolicyIsRefusedWithItsPath(json: String, message: String) async {
        let error = await expectError(.dataPolicyInvalid) { try DataPolicy.parse(Data(json.utf8)) }
        #expect(error?.message == "invalid data policy at " + message)
    }

    @Test func notJSONIsRefused() async {
        let error = await expectError(.dataPolicyInvalid) { try DataPolicy.parse(Data("{\"version\": 1,".utf8)) }
        #expect(error?.message == "invalid data policy: the file is not valid JSON")
    }

    @Test func oversizedFileIsRefused() async {
        let data = Data(repeating: 0x20, count: DataPolicy.maximumSize + 1)
        let error = await expectError(.dataPolicyInvalid) { try DataPolicy.parse(data) }
        #expect(error?.message == "invalid data policy: the file is larger than 4194304 bytes")
    }
}
