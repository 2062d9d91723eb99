import HangarCore
import HangarData
import HangarTesting
import Testing

@Suite("Include execution")
struct IncludeExecutionTests {
    typealias Fixture = IncludeExecuteFixture

    static func ids(_ value: JSONValue?) -> [Int64]? {
        guard case .array(let items)? = value else { return nil }
        return items.compactMap { $0["id"]?.intValue }
    }

    @Test(
        "many: the child's tenant scope applies, masked fields stay masked, the limit is per parent",
        arguments: SQLDialect.allCases)
    func manyRelation(dialect: SQLDialect) async throws {
        try await Fixture.with(dialect) { executor in
            let limited = try await Fixture.query(
                #"{"model":"customers","select":["name"],"include":{"orders":{"select":["id","card"],"limit":2}}}"#,
                dialect: dialect, executor: executor)
            // Customer 3 is soft-deleted and customer 4 is globex's: neither is a parent.
            #expect(limited.map { $0["name"] } == [.string("Ada"), .string("Bob")])
            // Order 14 is customer 1's but globex's; order 12 is past the limit of 2.
            #expect(limited.map { Self.ids($0["orders"]) } == [[10, 11], [13]])
            #expect(
                limited[0]["orders"]
                    == [["id": 10, "card": "****1111"], ["id": 11, "card": "****0004"]])
            #expect(limited.map { Set($0.keys) } == [["name", "orders"], ["name", "orders"]])

            let all = try await Fixture.query(
                #"{"model":"customers","select":["id"],"include":{"orders":{"select":["total"]}},"limit":1}"#,
                dialect: dialect, executor: executor)
            #expect(all == [["id": 1, "orders": [["total": 10.5], ["total": 20.25], ["total": 30.0]]]])
        }
    }

    @Test(
        "many-to-one: an object or null; the child's soft delete applies; a hashed child field stays hashed",
        arguments: SQLDialect.allCases)
    func oneRelation(dialect: SQLDialect) async throws {
        try await Fixture.with(dialect) { executor in
            let orders = try await Fixture.query(
                #"{"model":"orders","select":["id"],"include":{"customer":{"select":["name","email"]}}}"#,
                dialect: dialect, executor: executor)
            #expect(orders.map { $0["id"] } == [10, 11, 12, 13, 15, 16])
            #expect(orders.map { $0["customer"]?["name"] } == [.string("Ada"), "Ada", "Ada", "Bob", nil, nil])
            // Order 15's customer is soft-deleted and order 16 has none: both get null.
            #expect(orders[4]["customer"] == .null)
            #expect(orders[5]["customer"] == .null)
            #expect(orders[3]["customer"] == ["name": "Bob", "email": .null])
            guard case .string(let hash)? = orders[0]["customer"]?["email"] else {
                Issue.record("the customer's email is not hashed text")
                return
            }
            #expect(hash.count == 64 && hash != "ada@acme.test")
            // The parent's key column (customer_id) and the child's (id) are not shown.
            #expect(orders.allSatisfy { Set($0.keys) == ["id", "customer"] })
            #expect(
                orders.prefix(4).allSatisfy { $0["customer"]?.objectValue.map { Set($0.keys) } == ["name", "email"] })
        }
    }

    @Test("nested includes apply each model's scope, owner included", arguments: SQLDialect.allCases)
    func nestedRelations(dialect: SQLDialect) async throws {
        try await Fixture.with(dialect) { executor in
            let customers = try await Fixture.query(
                #"""
                {"model":"customers","select":["id"],"limit":10,"include":{"region":{"select":["name"]},
                 "orders":{"select":["status"],"limit":10,"include":{"items":{"select":["sku","qty"],"limit":10}}}}}
                """#, dialect: dialect, executor: executor)
            let expected: [[String: JSONValue]] = [
                [
                    "id": 1, "region": ["name": "North"],
                    "orders": [
                        ["status": "paid", "items": [["sku": "A", "qty": 1], ["sku": "B", "qty": 2]]],
                        ["status": "open", "items": []], ["status": "open", "items": []],
                    ],
                ],
                ["id": 2, "region": .null, "orders": [["status": "paid", "items": [["sku": "A", "qty": 4]]]]],
            ]
            #expect(customers == expected)
        }
    }

    @Test("the SQLite authorizer lets an include read only the related model's allowed columns")
    func sqliteAuthorizerOnInclude() async throws {
        try await Fixture.withSQLite { executor in
            let query = try IncludeFixtures.compile(
                try JSONValue.parse(#"{"model":"customers","include":{"orders":{}}}"#), dialect: .sqlite,
                principal: Fixture.principal)
            let include = query.includes[0]
            let rows = try await executor.read(
                try include.statement(keys: [.integer(1)]), model: include.model, principal: Fixture.principal,
                timeout: ExecuteFixture.timeout)
            #expect(rows.count == 3)
            // The same statement checked against the parent model reads a table the authorizer refuses.
            let error = await expectError(.databaseError) {
                try await executor.read(
                    try include.statement(keys: [.integer(1)]), model: IncludeFixtures.customers,
                    principal: Fixture.principal, timeout: ExecuteFixture.timeout)
            }
            #expect(error?.message.contains("SELECT") == false)
        }
    }

    @Test("the resolver batches keys, reads once per batch and leaves a parent without a key empty")
    func resolverBatches() async throws {
        let query = try IncludeFixtures.compile(
            try JSONValue.parse(#"{"model":"orders","select":["id"],"include":{"customer":{"select":["name"]}}}"#),
            dialect: .postgres)
        let count = CompiledInclude.maximumKeysPerStatement * 2 + 3
        // Columns: id, customer_id (the include's key); every other order has no customer.
        let rows: [[DataValue]] = (0..<count).map { [.integer(Int64($0)), $0 % 2 == 0 ? .integer(Int64($0)) : .null] }
        let parents: [[String: JSONValue]] = (0..<count).map { ["id": .int(Int64($0))] }
        var batches: [Int] = []
        let shaped = try await IncludeResolver.resolve(
            query.includes, parentRows: rows, parents: parents, shaper: ResultShaper(hashKey: ExecuteFixture.hashKey)
        ) { statement, model in
            #expect(model.name == "customers")
            let keys = Array(statement.binds.dropFirst())  // the tenant, then the keys
            batches.append(keys.count)
            // Columns: name, id; two rows for the same key keep only the first.
            return keys.flatMap { key -> [[DataValue]] in
                guard case .integer(let id) = key else { return [] }
                return [[.text("c\(id)"), key], [.text("duplicate"), key]]
            }
        }
        #expect(batches == [500, 2])
        #expect(shaped.count == count)
        #expect(shaped[0]["customer"] == ["name": "c0"])
        #expect(shaped[1]["customer"] == .null)
        #expect(shaped[count - 1]["customer"] == ["name": .string("c\(count - 1)")])
        await expectError(.internal) {
            try await IncludeResolver.resolve(
                query.includes, parentRows: rows, parents: [], shaper: ResultShaper(hashKey: ExecuteFixture.hashKey)
            ) { _, _ in [] }
        }
    }
}
