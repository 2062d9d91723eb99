import Foundation
import HangarCore
import HangarData
import HangarTesting
import Testing

@Suite struct DataPolicyYAMLTests {
    static let yaml = """
        version: 1
        models:
          users:
            primary_key: id
            fields:
              id: allow
              email: {access: mask, pattern: "{first1}***@{domain}", filterable: false}
              ssn: {access: mask, pattern: "***-**-{last4}"}
              name: {access: allow, filterable: true, sortable: true}
              salary: {access: allow, aggregatable: true}
              notes: deny
              email_digest: {access: hash, filterable: true}
            row_scope: {tenant_field: tenant_id, owner_field: owner_id, soft_delete_field: deleted_at}
            relations:
              orders: {model: orders, from: id, to: user_id, many: true, max_depth: 2}
            writes:
              operations: [create, update]
              read_only: [id]
              max_affected_rows: 3
              require_reason: true
              require_approval: false
            budgets: {max_rows: 100, max_selected_fields: 20, max_filter_nodes: 32, max_filter_depth: 6,
                      max_in_list: 500, statement_timeout_ms: 2000, calls_per_minute: 600}
          orders:
            fields: {id: allow}
            _columns: ["id INTEGER, primary key"]
        global_deny: ["*ssn_raw*"]
        """

    @Test func yamlReadsExactlyLikeTheSameJSON() throws {
        let fromYAML = try DataPolicy.parse(Data(Self.yaml.utf8), fileName: "policy.yaml")
        let fromJSON = try DataPolicy.parse(Data(DataPolicyParseTests.fullPolicy.utf8), fileName: "policy.json")
        #expect(fromYAML.models == fromJSON.models)
        #expect(fromYAML.globalDeny.map(\.pattern) == fromJSON.globalDeny.map(\.pattern))
    }

    @Test func yamlIsAsStrict() async throws {
        let typo = "version: 1\nmodels:\n  users:\n    fields: {id: allow}\n    primary_kee: id\n"
        let error = await expectError(.dataPolicyInvalid) {
            try DataPolicy.parse(Data(typo.utf8), fileName: "p.yml")
        }
        #expect(error?.message.hasPrefix("invalid data policy at $.models.users.primary_kee: unknown key") == true)
        await expectError(.dataPolicyInvalid) {
            try DataPolicy.parse(Data("version: 1\nversion: 1\nmodels: {}\n".utf8), fileName: "p.yaml")
        }
        await expectError(.dataPolicyInvalid) {
            try DataPolicy.parse(Data("version: [1\n".utf8), fileName: "p.yaml")
        }
        await expectError(.dataPolicyInvalid) { try DataPolicy.parse(Data("".utf8), fileName: "p.yaml") }
    }
}
