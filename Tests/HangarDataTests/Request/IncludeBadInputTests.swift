import HangarCore
import HangarData
import HangarTesting
import Testing

@Suite("Include bad input")
struct IncludeBadInputTests {
    struct Bad: Sendable, CustomTestStringConvertible {
        var include: JSONValue
        var code: HangarError.Code
        /// Names a case whose arguments are too large or deep to print.
        var label: String? = nil
        var testDescription: String { "\(code) \(label ?? String(include.canonicalString().prefix(80)))" }
    }

    static func orders(_ options: JSONValue) -> JSONValue {
        ["orders": options]
    }

    /// Spellings that are not a relation of `customers`: missing, hidden (a model the principal cannot see,
    /// fields and scope columns), and look-alikes of `orders`.
    static let unknownRelations: [String] = [
        "nope", "audits", "secrets", "secret", "tenant_id", "deleted_at", "id", "Orders", "ORDERS", "orders ",
        "orders\u{200B}", "ord\u{435}rs", "o\u{301}rders", "\"orders\"", "orders.id", "orders; --", "*", "",
        String(repeating: "o", count: 300),
    ]

    static let cases: [Bad] =
        [
            // Cycles and depth.
            Bad(include: orders(["include": ["items": ["include": ["order": [:]]]]]), code: .queryTooComplex),
            Bad(include: orders(["include": ["customer": [:]]]), code: .queryTooComplex),
            Bad(include: orders(["include": ["items": ["include": ["product": [:]]]]]), code: .queryTooComplex),
            Bad(include: ["region": ["include": ["customers": [:]]]], code: .queryTooComplex),
            Bad(include: nested(depth: 10_000), code: .queryTooComplex, label: "10,000 deep"),
            Bad(include: nested(depth: 5), code: .queryTooComplex),
            Bad(include: wide(count: 10_000), code: .queryTooComplex, label: "10,000 wide"),
            // A relation named like a field.
            Bad(include: ["name": [:]], code: .invalidArguments),
            // Field policy in the include's select.
            Bad(include: orders(["select": ["tenant_id"]]), code: .unknownField),
            Bad(include: orders(["select": ["secret"]]), code: .unknownField),
            Bad(include: orders(["select": ["Total"]]), code: .unknownField),
            Bad(include: orders(["include": ["items": ["select": ["owner_id"]]]]), code: .unknownField),
            Bad(include: orders(["include": ["nope": [:]]]), code: .unknownField),
            Bad(include: orders(["select": .array(Array(repeating: "id", count: 51))]), code: .queryTooComplex),
            Bad(include: orders(["select": ["id", "id"]]), code: .invalidArguments),
            // Wrong JSON types and keys.
            Bad(include: ["orders"], code: .invalidArguments),
            Bad(include: "orders", code: .invalidArguments),
            Bad(include: true, code: .invalidArguments),
            Bad(include: orders(nil), code: .invalidArguments),
            Bad(include: orders(true), code: .invalidArguments),
            Bad(include: orders("id"), code: .invalidArguments),
            Bad(include: orders(["id"]), code: .invalidArguments),
            Bad(include: orders(["select": "id"]), code: .invalidArguments),
            Bad(include: orders(["select": []]), code: .invalidArguments),
            Bad(include: orders(["select": [1]]), code: .invalidArguments),
            Bad(include: orders(["where": ["id": ["eq": 1]]]), code: .invalidArguments),
            Bad(include: orders(["Select": ["id"]]), code: .invalidArguments),
            Bad(include: orders(["include": ["items"]]), code: .invalidArguments),
            Bad(include: orders(["include": "items"]), code: .invalidArguments),
            Bad(include: orders(["limit": "2"]), code: .limitInvalid),
            Bad(include: orders(["limit": 0]), code: .limitInvalid),
            Bad(include: orders(["limit": 1.5]), code: .limitInvalid),
            Bad(include: orders(["limit": 51]), code: .limitInvalid),
        ]
        + unknownRelations.map { Bad(include: .object([$0: [:]]), code: .unknownField) }

    /// `{"orders": {"include": {"orders": … {"orders": {}}}}}` nested `depth` deep, built without recursion.
    static func nested(depth: Int) -> JSONValue {
        var node: JSONValue = ["orders": [:]]
        for _ in 1..<depth { node = ["orders": ["include": node]] }
        return node
    }

    /// An include of `count` relations (none of which exists).
    static func wide(count: Int) -> JSONValue {
        .object(Dictionary(uniqueKeysWithValues: (0..<count).map { ("r\($0)", JSONValue.object([:])) }))
    }

    static func query(model: String, include: JSONValue) -> JSONValue {
        ["model": .string(model), "include": include]
    }

    @Test(arguments: cases)
    func refusedWithExactCode(_ bad: Bad) async {
        for dialect in SQLDialect.allCases {
            let error = await expectError(bad.code) {
                try IncludeFixtures.compile(Self.query(model: "customers", include: bad.include), dialect: dialect)
            }
            if let error {
                #expect(!error.message.contains("secret") || bad.include.canonicalString().contains("secret"))
                #expect(!error.message.contains("audits") || bad.include.canonicalString().contains("audits"))
                #expect(!error.message.contains("SELECT"))
            }
        }
    }

    /// A hidden relation, one to a hidden model and a nonexistent one give the same error as an unknown field,
    /// apart from the agent's own spelling, and list no names.
    @Test(arguments: unknownRelations)
    func unknownRelationLooksLikeUnknownField(_ name: String) async {
        let error = await expectError(.unknownField) {
            try IncludeFixtures.compile(
                Self.query(model: "customers", include: .object([name: [:]])), dialect: .sqlite)
        }
        #expect(error?.message == HangarError.unknownField(name, model: "customers").message)
        if IncludeFixtures.customers.fields[name] == nil {
            let field = await expectError(.unknownField) {
                try IncludeFixtures.compile(
                    ["model": "customers", "select": .array([.string(name)])], dialect: .sqlite)
            }
            #expect(error?.message == field?.message)
        }
        #expect(error?.message.contains("orders") == false || name.contains("rders"))
    }

    @Test("the selected fields and all includes count against max_selected_fields")
    func includesCountAsFields() async throws {
        var customers = IncludeFixtures.customers
        customers.budgets.maxSelectedFields = 5
        var models = IncludeFixtures.models
        models["customers"] = customers
        func compile(_ arguments: JSONValue) throws -> CompiledQuery {
            try DataFixtures.sqlite.compile(
                QueryRequest(arguments: arguments, model: customers, models: models), model: customers,
                principal: DataFixtures.principal)
        }
        let three: JSONValue = ["region": [:], "orders": ["limit": 2, "include": ["items": ["limit": 2]]]]
        let fits = try compile(["model": "customers", "select": ["id", "name"], "include": three])
        #expect(fits.includes.count == 2)
        await expectError(.queryTooComplex) {
            try compile(["model": "customers", "select": ["id", "name", "email"], "include": three])
        }
        _ = try compile(["model": "customers", "include": ["region": [:]]])
        await expectError(.queryTooComplex) {
            try compile(["model": "customers", "include": ["region": [:], "orders": [:]]])
        }
        let six = JSONValue.object(Dictionary(uniqueKeysWithValues: (0..<6).map { ("r\($0)", JSONValue.object([:])) }))
        let error = await expectError(.queryTooComplex) {
            try compile(["model": "customers", "select": ["id"], "include": six])
        }
        #expect(error?.message == "include at most 5 relations")
    }

    @Test("a nested unknown relation names the nested model")
    func nestedUnknownRelation() async {
        let error = await expectError(.unknownField) {
            try IncludeFixtures.compile(
                Self.query(model: "customers", include: Self.orders(["include": ["audits": [:]]])), dialect: .sqlite)
        }
        #expect(error?.message == "model 'orders' has no field 'audits'")
    }

    @Test("a caller that passes no models refuses every include as unknown")
    func noModels() async {
        await expectError(.unknownField) {
            try QueryRequest(
                arguments: Self.query(model: "customers", include: ["region": [:]]), model: IncludeFixtures.customers)
        }
    }

    @Test("an include nested 10,000 deep is refused before decoding, on both models of the cycle")
    func deepNesting() async {
        for (model, relation) in [("customers", "orders"), ("orders", "customer")] {
            var node: JSONValue = [:]
            for _ in 0..<10_000 { node = .object([relation: ["include": node]]) }
            let error = await expectError(.queryTooComplex) {
                try IncludeFixtures.compile(Self.query(model: model, include: node), dialect: .postgres)
            }
            #expect(error?.message == "includes are nested deeper than \(RelationPolicy.maximumDepth)")
        }
    }
}

extension IncludeBadInputTests {
    /// Limits multiply down a chain of `many` includes: at default limits customers → orders → items could
    /// return 100 × 50 × 100 rows, so the call is refused before it compiles; lower limits pass.
    @Test func nestedManyIncludesAreCappedInAll() async throws {
        let deep: JSONValue = [
            "model": "customers", "select": ["id"], "include": ["orders": ["include": ["items": [:]]]],
        ]
        let error = await expectError(.queryTooComplex) { try IncludeFixtures.compile(deep, dialect: .sqlite) }
        #expect(error?.message == "the includes could return more than 10000 related rows; lower the limits")
        let narrow: JSONValue = [
            "model": "customers", "select": ["id"], "limit": 10,
            "include": ["orders": ["limit": 5, "include": ["items": ["limit": 20]]]],
        ]
        _ = try IncludeFixtures.compile(narrow, dialect: .sqlite)
    }
}
