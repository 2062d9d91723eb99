import Foundation
import HangarCore
import Testing

@Suite("hangar data: init, describe, call, approve, audit")
struct DataCLITests {
    static let policy = """
        {"version": 1, "models": {
          "users": {"fields": {"id": "allow", "name": "allow", "email": "hash",
                               "ssn": {"access": "mask", "pattern": "***-**-{last4}"}, "age": "allow"},
                    "row_scope": {"tenant_field": "tenant_id"},
                    "writes": {"operations": ["update"], "max_affected_rows": 1}},
          "notes": {"fields": {"id": "allow", "body": "allow"},
                    "row_scope": {"tenant_field": "tenant_id", "owner_field": "owner"},
                    "writes": {"operations": ["update"], "require_reason": true, "require_approval": true}}}}
        """

    static let agent = ["--principal", "agent-1", "--tenant", "acme"]

    @Test("init writes a starter policy that lists the columns and exposes nothing; it never overwrites unasked")
    func initExposesNothing() throws {
        let cli = try DataCLI()
        defer { cli.remove() }
        let printed = try cli.run(["data", "init", "--database", cli.database])
        #expect(printed.status == 0 && printed.stderr == "")
        let written = try cli.run(["data", "init", "--database", "sqlite://" + cli.database, "--output", cli.policy])
        #expect(written.status == 0 && written.stdout == "wrote \(cli.policy)\n")
        #expect(try String(contentsOfFile: cli.policy, encoding: .utf8) == printed.stdout)

        let policy = try JSONValue.parse(printed.stdout)
        #expect(policy["version"] == 1)
        #expect(policy["models"]?["notes"]?["fields"] == .object([:]))
        #expect(policy["models"]?["users"]?["fields"] == .object([:]))
        #expect(policy["models"]?["users"]?["primary_key"] == "id")
        #expect(
            policy["models"]?["users"]?["_columns"] == [
                "id INTEGER, not null, primary key", "tenant_id TEXT, not null", "name TEXT, not null",
                "email TEXT", "ssn TEXT", "password_hash TEXT, globally denied by '*password*'", "age INTEGER",
                "status TEXT",
            ])

        let described = try cli.data(["describe", "--json"])
        #expect(described.status == 0)
        #expect(
            described.stdout
                == #"{"ok":true,"data":{"models":[],"operators":["eq","ne","lt","lte","gt","gte","in","not_in","#
                + #""is_null","contains","starts_with","ends_with","between"],"#
                + #""principal":{"id":"cli:tester","tenant":null}}}"# + "\n")
        let query = try cli.data(["call", "db.query", #"{"model":"users"}"#, "--json"])
        #expect(query.status == 4)
        #expect(
            query.stdout == #"{"ok":false,"error":{"code":"unknown_tool","message":"no tool is named \"db.query\""}}"#
                + "\n")

        let again = try cli.run(["data", "init", "--database", cli.database, "--output", cli.policy])
        #expect(again.status == 5 && again.stdout == "")
        #expect(again.stderr == "file_exists: --output exists; pass --force to overwrite it\n")
        try Data("{}".utf8).write(to: URL(fileURLWithPath: cli.policy))
        let forced = try cli.run(["data", "init", "--database", cli.database, "--output", cli.policy, "--force"])
        #expect(forced.status == 0)
        #expect(try String(contentsOfFile: cli.policy, encoding: .utf8) == printed.stdout)
        let missing = try cli.run(["data", "init", "--database", cli.root + "/missing.sqlite", "--json"])
        #expect(missing.status == 8)
        #expect(
            missing.stdout
                == #"{"ok":false,"error":{"code":"database_unavailable","message":"the database file does not exist"}}"#
                + "\n")
    }

    @Test("describe and call print what the principal may see, masked, in its tenant; ARGS_JSON - reads stdin")
    func describeAndCall() throws {
        let cli = try DataCLI(policy: Self.policy)
        defer { cli.remove() }
        let described = try cli.data(["describe"] + Self.agent)
        #expect(described.status == 0 && described.stderr == "")
        #expect(
            described.stdout == """
                principal agent-1, tenant acme
                notes  primary key id
                  body\ttext, nullable\tallow\tfilterable\tsortable
                  id\tinteger\tallow\tfilterable\tsortable
                  writes: update; max 1 rows; reason required; approval required
                users  primary key id
                  age\tinteger, nullable\tallow\tfilterable\tsortable
                  email\ttext, nullable\thash
                  id\tinteger\tallow\tfilterable\tsortable
                  name\ttext\tallow\tfilterable\tsortable
                  ssn\ttext, nullable\tmask
                  writes: update; max 1 rows
                operators: eq, ne, lt, lte, gt, gte, in, not_in, is_null, contains, starts_with, ends_with, between

                """)
        let readOnly = try cli.data(["describe", "--json", "--scope", "data:read"] + Self.agent)
        let models = try JSONValue.parse(readOnly.stdout)["data"]?["models"]?.arrayValue ?? []
        #expect(models.map { $0["writes"]?["operations"] } == [[], []])

        let query = #"{"model":"users","select":["id","name","ssn","age"],"order_by":[{"field":"id"}]}"#
        let rows = try cli.data(["call", "db.query", query] + Self.agent)
        #expect(rows.status == 0 && rows.stderr == "")
        #expect(
            rows.stdout
                == #"{"next_cursor":null,"rows":[{"age":36,"id":1,"name":"Ada","ssn":"***-**-6789"},"#
                + #"{"age":41,"id":2,"name":"Bob","ssn":"***-**-4321"}]}"# + "\n")
        let json = try cli.data(["call", "db.get", "-", "--json"] + Self.agent, stdin: #"{"model":"users","id":2}"#)
        #expect(json.status == 0)
        let row = try JSONValue.parse(json.stdout)["data"]?["row"]
        #expect(row?["name"] == "Bob" && row?["ssn"] == "***-**-4321")
        #expect(row?["email"]?.stringValue?.count == 64 && row?["password_hash"] == nil && row?["tenant_id"] == nil)

        let foreign = try cli.data(["call", "db.get", #"{"model":"users","id":3}"#] + Self.agent)
        let missing = try cli.data(["call", "db.get", #"{"model":"users","id":99}"#] + Self.agent)
        #expect(foreign.status == 4 && foreign.stdout == "")
        #expect(foreign.stderr == "not_found: model 'users' has no row with this id\n")
        #expect(missing.status == foreign.status && missing.stderr == foreign.stderr)
        let tenantless = try cli.data(["call", "db.query", #"{"model":"users"}"#, "--json", "--principal", "agent-1"])
        #expect(tenantless.status == 4)
        #expect(try JSONValue.parse(tenantless.stdout)["error"]?["code"] == "unknown_tool")
    }

    @Test("a denied field exits 3 with the exact code, as MCP gives it; nothing changes")
    func deniedField() throws {
        let cli = try DataCLI(policy: Self.policy)
        defer { cli.remove() }
        let filter = #"{"model":"users","where":{"password_hash":{"eq":"pbkdf2$a"}}}"#
        let json = try cli.data(["call", "db.query", filter, "--json"] + Self.agent)
        #expect(json.status == 3)
        #expect(
            json.stdout
                == #"{"ok":false,"error":{"code":"unknown_field","message":"model 'users' has no field 'password_hash'"}}"#
                + "\n")
        let human = try cli.data(["call", "db.query", filter] + Self.agent)
        #expect(human.status == 3 && human.stdout == "")
        #expect(human.stderr == "unknown_field: model 'users' has no field 'password_hash'\n")

        let selected = try cli.data(
            ["call", "db.query", #"{"model":"users","select":["password_hash"]}"#, "--json"] + Self.agent)
        #expect(selected.status == 3)
        let error = try JSONValue.parse(selected.stdout)["error"]
        #expect(
            error?["code"] == "invalid_arguments" && error?["pointer"] == "/select/0" && error?["keyword"] == "enum")
        #expect(selected.stdout.contains("password_hash") == false)

        let hidden = try cli.data(
            ["call", "db.update", #"{"model":"users","id":1,"data":{"password_hash":"x"}}"#, "--json"] + Self.agent)
        #expect(hidden.status == 3)
        #expect(try JSONValue.parse(hidden.stdout)["error"]?["code"] == "unknown_field")
        let scoped = try cli.data(
            ["call", "db.update", #"{"model":"users","id":1,"data":{"tenant_id":"globex"}}"#, "--json"] + Self.agent)
        #expect(scoped.status == 7)
        #expect(try JSONValue.parse(scoped.stdout)["error"]?["code"] == "row_scope_violation")
        let badJSON = try cli.data(["call", "db.query", "{", "--json"] + Self.agent)
        #expect(badJSON.status == 3)
        #expect(try JSONValue.parse(badJSON.stdout)["error"]?["code"] == "invalid_json")
        #expect(try cli.value("SELECT password_hash || '/' || tenant_id FROM users WHERE id = 1") == "pbkdf2$a/acme")
    }

    @Test("a held write exits 11 with its approval_id; approve runs it once, as its principal; twice is refused")
    func approval() throws {
        let cli = try DataCLI(policy: Self.policy)
        defer { cli.remove() }
        let update = #"{"model":"notes","id":1,"data":{"body":"approved"},"reason":"typo"}"#
        let held = try cli.data(["call", "db.update", update, "--json"] + Self.agent)
        #expect(held.status == 11)
        let error = try JSONValue.parse(held.stdout)["error"]
        #expect(error?["code"] == "data_approval_required")
        let id = try #require(error?["approval_id"]?.stringValue)
        #expect(id.hasPrefix("dap_") && error?["message"]?.stringValue?.contains(id) == true)
        #expect(try cli.value("SELECT body FROM notes WHERE id = 1") == "first")

        let approved = try cli.data(["approve", id])
        #expect(approved.status == 0 && approved.stderr == "")
        #expect(approved.stdout == #"{"affected":1,"rows":[{"body":"approved","id":1}]}"# + "\n")
        #expect(try cli.value("SELECT body FROM notes WHERE id = 1") == "approved")

        try cli.execute("UPDATE notes SET body = 'edited by hand' WHERE id = 1")
        let again = try cli.data(["approve", id, "--json"])
        #expect(again.status == 5)
        #expect(
            again.stdout
                == #"{"ok":false,"error":{"code":"data_approval_used","message":"this approval was used already; its write ran once"}}"#
                + "\n")
        #expect(try cli.value("SELECT body FROM notes WHERE id = 1") == "edited by hand")
        let unknown = try cli.data(["approve", "dap_01jzzzzzzzzzzzzzzzzzzzzzzz"])
        #expect(unknown.status == 4 && unknown.stderr.hasPrefix("not_found: "))

        let audit = try JSONValue.parse(try cli.run(["data", "audit", "--principal", "agent-1", "--json"]).stdout)
        let events = audit["data"]?["events"]?.arrayValue ?? []
        #expect(events.map { $0["payload"]?["decision"] } == ["approval_required", "allowed"])
        #expect(events.last?["payload"]?["approval_id"]?.stringValue == id)
        #expect(events.last?["payload"]?["approver"] == "cli:tester")
        #expect(events.last?["payload"]?["before"] == [["body": "first", "id": 1]])
    }

    @Test("audit lists exactly the calls made, newest last; --principal, --limit and --since narrow it")
    func audit() throws {
        let cli = try DataCLI(policy: Self.policy)
        defer { cli.remove() }
        let auditor = ["--principal", "auditor", "--tenant", "acme"]
        #expect(try cli.data(["call", "db.query", #"{"model":"users"}"#] + auditor).status == 0)
        #expect(
            try cli.data(["call", "db.query", #"{"model":"users","where":{"ssn":{"eq":"1"}}}"#] + auditor).status == 3)
        #expect(try cli.data(["call", "db.get", #"{"model":"users","id":3}"#] + auditor).status == 4)
        #expect(
            try cli.data(["call", "db.get", #"{"model":"notes","id":2}"#, "--principal", "agent-2", "--tenant", "acme"])
                .status == 0)

        let human = try cli.run(["data", "audit", "--principal", "auditor"])
        #expect(human.status == 0 && human.stderr == "")
        let lines = human.stdout.split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }
        #expect(lines.count == 3)
        #expect(
            lines.map { Array($0.dropFirst().dropLast()) } == [
                ["auditor", "db.query", "users", "allowed", "-", "rows=2"],
                ["auditor", "db.query", "users", "refused", "field_not_filterable", "rows=0"],
                ["auditor", "db.get", "users", "refused", "not_found", "rows=0"],
            ])
        #expect(lines.allSatisfy { $0.first?.hasSuffix("Z") == true && $0.last?.hasSuffix("us") == true })

        let json = try JSONValue.parse(try cli.run(["data", "audit", "--principal", "auditor", "--json"]).stdout)
        let events = json["data"]?["events"]?.arrayValue ?? []
        #expect(events.map { $0["stream"] } == ["data:auditor", "data:auditor", "data:auditor"])
        #expect(events.map { $0["kind"] } == ["data.called", "data.called", "data.called"])
        #expect(events.map { $0["payload"]?["tenant"] } == ["acme", "acme", "acme"])

        let all = try cli.run(["data", "audit", "--since", "1h"])
        #expect(
            all.stdout.split(separator: "\n").map { $0.split(separator: "\t")[1] } == [
                "auditor", "auditor", "auditor", "agent-2",
            ])
        let newest = try cli.run(["data", "audit", "--limit", "2"])
        #expect(newest.stdout.split(separator: "\n").map { $0.split(separator: "\t")[2] } == ["db.get", "db.get"])
        let future = try cli.run(["data", "audit", "--since", "2999-01-01T00:00:00Z"])
        #expect(future.status == 0 && future.stdout == "")
        let nobody = try cli.run(["data", "audit", "--principal", "nobody", "--json"])
        #expect(nobody.stdout == #"{"ok":true,"data":{"events":[]}}"# + "\n")
        #expect(try cli.run(["data", "audit", "--since", "yesterday"]).status == 2)
        #expect(try cli.run(["data", "audit", "--limit", "0"]).status == 2)
    }
}
