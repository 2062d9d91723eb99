import HangarCore
import HangarData
import HangarTesting
import Testing

@Suite struct BadInputTests {
    struct Bad: Sendable, CustomTestStringConvertible {
        var kind: CompileKind
        var arguments: JSONValue
        var code: HangarError.Code
        var testDescription: String { "\(kind) \(code)" }
    }

    static func query(_ extra: [String: JSONValue]) -> JSONValue {
        var object: [String: JSONValue] = ["model": "users", "select": ["name"]]
        object.merge(extra) { _, new in new }
        return .object(object)
    }

    static func filter(_ field: String, _ op: String, _ value: JSONValue) -> JSONValue {
        query(["where": [field: [op: value]]])
    }

    static let hiddenNameVariants: [String] = [
        "secret_note", "tenant_id", "deleted_at", "password_hash", "SSN", "Name", "NAME", "n\u{200B}ame",
        "\u{43D}ame", "na\u{302}me", "nam\u{E9}", "name ", "\"name\"", "name;", "name--", "*", "users.name",
        "lower(ssn)", "ssn::text", "name\" OR 1=1 --", "'; DROP TABLE users; --", "\u{212A}ey", "",
    ]

    static let cases: [Bad] =
        [100_000, 0, -1, 1.5, "10", true].map {
            Bad(kind: .query, arguments: query(["limit": $0]), code: .limitInvalid)
        }
        + [
            Bad(
                kind: .query, arguments: filter("age", "in", .array(Array(repeating: 1, count: 40_000))),
                code: .queryTooComplex),
            Bad(
                kind: .query, arguments: filter("age", "not_in", .array(Array(repeating: 1, count: 300_000))),
                code: .queryTooComplex),
            Bad(kind: .query, arguments: query(["where": nested("not", depth: 10_000)]), code: .queryTooComplex),
            Bad(kind: .query, arguments: query(["where": nested("or", depth: 10_000)]), code: .queryTooComplex),
            Bad(kind: .query, arguments: query(["where": wide(count: 100)]), code: .queryTooComplex),
            Bad(kind: .query, arguments: filter("age", "eq", ["$ne": 1]), code: .invalidArguments),
            Bad(kind: .query, arguments: filter("age", "eq", [1]), code: .invalidArguments),
            Bad(kind: .query, arguments: filter("age", "eq", "10"), code: .invalidArguments),
            Bad(kind: .query, arguments: filter("age", "eq", 1.5), code: .invalidArguments),
            Bad(kind: .query, arguments: filter("age", "eq", nil), code: .invalidArguments),
            Bad(kind: .query, arguments: filter("age", "in", ["1"]), code: .invalidArguments),
            Bad(kind: .query, arguments: filter("age", "between", [1]), code: .invalidArguments),
            Bad(kind: .query, arguments: filter("age", "contains", "1"), code: .invalidArguments),
            Bad(kind: .query, arguments: filter("age", "$ne", 1), code: .invalidArguments),
            Bad(kind: .query, arguments: filter("age", "EQ", 1), code: .invalidArguments),
            Bad(
                kind: .query, arguments: query(["where": ["age": ["eq": 1], "name": ["eq": "x"]]]),
                code: .invalidArguments),
            Bad(kind: .query, arguments: filter("tenant_id", "eq", "globex"), code: .unknownField),
            Bad(kind: .query, arguments: filter("ssn", "eq", "123"), code: .fieldNotFilterable),
            Bad(kind: .query, arguments: filter("phone", "is_null", true), code: .fieldNotFilterable),
            Bad(kind: .query, arguments: query(["order_by": [["field": "ssn"]]]), code: .fieldNotSortable),
            Bad(
                kind: .query, arguments: query(["order_by": [["field": "name", "direction": "DESC"]]]),
                code: .invalidArguments),
            Bad(
                kind: .query, arguments: query(["select": .array(Array(repeating: "name", count: 51))]),
                code: .queryTooComplex),
            Bad(kind: .query, arguments: query(["select": ["name", "name"]]), code: .invalidArguments),
            Bad(kind: .query, arguments: query(["include": ["orders"]]), code: .invalidArguments),
            Bad(kind: .query, arguments: ["model": "sqlite_master"], code: .unknownModel),
            Bad(kind: .query, arguments: ["model": "Users"], code: .unknownModel),
            Bad(kind: .query, arguments: ["model": "pg_catalog.pg_user"], code: .unknownModel),
            Bad(
                kind: .aggregate, arguments: ["model": "users", "op": "max", "field": "ssn"],
                code: .fieldNotAggregatable),
            Bad(
                kind: .aggregate, arguments: ["model": "users", "op": "count", "group_by": ["ssn"]],
                code: .fieldNotAggregatable),
            Bad(
                kind: .aggregate, arguments: ["model": "users", "op": "max", "field": "secret_note"],
                code: .unknownField),
            Bad(
                kind: .aggregate, arguments: ["model": "users", "op": "sum", "field": "status"], code: .invalidArguments
            ),
            Bad(kind: .aggregate, arguments: ["model": "users", "op": "sum"], code: .invalidArguments),
            Bad(
                kind: .aggregate, arguments: ["model": "users", "op": "median", "field": "age"], code: .invalidArguments
            ),
            Bad(kind: .get, arguments: ["model": "users", "id": "42"], code: .invalidArguments),
            Bad(
                kind: .create, arguments: ["model": "users", "data": ["name": "x", "tenant_id": "globex"]],
                code: .rowScopeViolation),
            Bad(kind: .create, arguments: ["model": "users", "data": ["deleted_at": nil]], code: .rowScopeViolation),
            Bad(kind: .create, arguments: ["model": "users", "data": ["created_at": "2020"]], code: .invalidArguments),
            Bad(kind: .create, arguments: ["model": "users", "data": ["age": "3"]], code: .invalidArguments),
            Bad(kind: .create, arguments: ["model": "users", "data": ["name": nil]], code: .invalidArguments),
            Bad(kind: .create, arguments: ["model": "users", "data": [:]], code: .invalidArguments),
            Bad(kind: .create, arguments: ["model": "notes", "data": ["title": "x"]], code: .reasonRequired),
            Bad(
                kind: .create, arguments: ["model": "notes", "data": ["title": "x"], "reason": "  "],
                code: .reasonRequired),
            Bad(
                kind: .create, arguments: ["model": "notes", "data": ["owner_id": "agent-2"], "reason": "r"],
                code: .rowScopeViolation),
            Bad(
                kind: .update, arguments: ["model": "users", "id": 1, "data": ["tenant_id": "globex"]],
                code: .rowScopeViolation),
            Bad(kind: .update, arguments: ["model": "users", "id": 1, "data": ["id": 2]], code: .invalidArguments),
            Bad(
                kind: .update, arguments: ["model": "users", "id": 1, "data": ["created_at": "x"]],
                code: .invalidArguments),
            Bad(kind: .update, arguments: ["model": "notes", "id": 1, "data": ["title": "x"]], code: .reasonRequired),
            Bad(kind: .delete, arguments: ["model": "notes", "id": 1], code: .reasonRequired),
            Bad(kind: .bulkUpdate, arguments: ["model": "users", "data": ["status": "x"]], code: .invalidArguments),
            Bad(
                kind: .bulkUpdate,
                arguments: ["model": "users", "where": ["ssn": ["eq": "1"]], "data": ["status": "x"]],
                code: .fieldNotFilterable),
        ]
        + hiddenNameVariants.flatMap { name -> [Bad] in
            [
                Bad(kind: .query, arguments: query(["select": [.string(name)]]), code: .unknownField),
                Bad(kind: .query, arguments: filter(name, "eq", "x"), code: .unknownField),
                Bad(kind: .query, arguments: query(["order_by": [["field": .string(name)]]]), code: .unknownField),
                Bad(
                    kind: .aggregate, arguments: ["model": "users", "op": "max", "field": .string(name)],
                    code: .unknownField),
                Bad(
                    kind: .aggregate, arguments: ["model": "users", "op": "count", "group_by": [.string(name)]],
                    code: .unknownField),
                Bad(
                    kind: .update, arguments: ["model": "users", "id": 1, "data": .object([name: "x"])],
                    code: name == "tenant_id" || name == "deleted_at" ? .rowScopeViolation : .unknownField),
            ]
        }

    /// `{"<op>": … {"<op>": {"age": {"eq": 1}}}}` nested `depth` deep, built without recursion.
    static func nested(_ op: String, depth: Int) -> JSONValue {
        var node: JSONValue = ["age": ["eq": 1]]
        for _ in 0..<depth { node = op == "not" ? ["not": node] : ["or": [node]] }
        return node
    }

    static func wide(count: Int) -> JSONValue {
        ["or": .array(Array(repeating: ["age": ["eq": 1]], count: count))]
    }

    @Test(arguments: cases)
    func refusedWithExactCode(_ bad: Bad) async {
        for dialect in SQLDialect.allCases {
            let error = await expectError(bad.code) { try bad.kind.compile(bad.arguments, dialect: dialect) }
            if let error {
                #expect(
                    !error.message.contains("secret_note") || bad.arguments.canonicalString().contains("secret_note"))
                #expect(!error.message.contains("SELECT"))
            }
        }
    }

    /// A denied field and a nonexistent one give byte-identical errors apart from the agent's own spelling.
    @Test func deniedAndMissingFieldsLookAlike() async throws {
        let denied = await expectError(.unknownField) {
            try CompileKind.query.compile(Self.filter("secret_note", "eq", 1), dialect: .sqlite)
        }
        let missing = await expectError(.unknownField) {
            try CompileKind.query.compile(Self.filter("no_such_col", "eq", 1), dialect: .sqlite)
        }
        #expect(denied?.message == "model 'users' has no field 'secret_note'")
        #expect(missing?.message == "model 'users' has no field 'no_such_col'")
    }

    /// Hostile values are binds only: the SQL holds none of them.
    @Test(arguments: ["'; DROP TABLE users; --", "\" OR 1=1 --", "*/ SELECT password_hash /*", "$$1; --", "? --"])
    func hostileValuesAreOnlyBinds(_ value: String) throws {
        let arguments = Self.query([
            "where": ["or": [["name": ["eq": .string(value)]], ["name": ["contains": .string(value)]]]]
        ])
        for dialect in SQLDialect.allCases {
            let statement = try CompileKind.query.compile(arguments, dialect: dialect).statement
            #expect(DataFixtures.isSchemaOnly(statement.sql))
            #expect(statement.binds.contains(.text(value)))
            if value.count > 1 { #expect(!statement.sql.contains(value)) }
        }
    }
}
