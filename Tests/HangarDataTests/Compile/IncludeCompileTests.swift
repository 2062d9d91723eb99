import HangarCore
import HangarData
import HangarTesting
import Testing

@Suite("Include compilation")
struct IncludeCompileTests {
    /// One golden include compile: the parent statement and the statement of one include (at `path`, indexes
    /// into nested `includes`) for `keys`, in both dialects.
    struct Golden: Sendable, CustomTestStringConvertible {
        var name: String
        var arguments: String
        var sqlite: String
        var postgres: String
        var binds: [DataValue]
        var path: [Int]
        var keys: [DataValue]
        var includeSQLite: String
        var includePostgres: String
        var includeBinds: [DataValue]
        var testDescription: String { name }
    }

    static let goldens: [Golden] = [
        Golden(
            name: "many with a select and a per-parent limit; the key is the appended primary key",
            arguments: #"{"model":"customers","select":["name"],"include":{"orders":{"select":["total"],"limit":5}}}"#,
            sqlite:
                #"SELECT "name", "id" FROM "customers" WHERE "tenant_id" = ? AND "deleted_at" IS NULL ORDER BY "id" ASC LIMIT ?"#,
            postgres:
                #"SELECT "name", "id" FROM "customers" WHERE "tenant_id" = $1 AND "deleted_at" IS NULL ORDER BY "id" ASC LIMIT $2"#,
            binds: [.text("acme"), .integer(101)], path: [0], keys: [.integer(1), .integer(2)],
            includeSQLite:
                #"SELECT "total", "customer_id" FROM (SELECT "total", "customer_id", ROW_NUMBER() OVER (PARTITION BY "customer_id" ORDER BY "id" ASC) AS "hangar_rank" FROM "orders" WHERE "tenant_id" = ? AND "customer_id" IN (?, ?)) AS "hangar_ranked" WHERE "hangar_rank" <= ? ORDER BY "customer_id" ASC, "hangar_rank" ASC"#,
            includePostgres:
                #"SELECT "total", "customer_id" FROM (SELECT "total", "customer_id", ROW_NUMBER() OVER (PARTITION BY "customer_id" ORDER BY "id" ASC) AS "hangar_rank" FROM "orders" WHERE "tenant_id" = $1 AND "customer_id" IN ($2, $3)) AS "hangar_ranked" WHERE "hangar_rank" <= $4 ORDER BY "customer_id" ASC, "hangar_rank" ASC"#,
            includeBinds: [.text("acme"), .integer(1), .integer(2), .integer(5)]),
        Golden(
            name: "many-to-one without a window; the unselected from column is appended after the sort key",
            arguments: #"{"model":"customers","select":["name"],"include":{"region":{"select":["name"]}},"limit":3}"#,
            sqlite:
                #"SELECT "name", "id", "region_id" FROM "customers" WHERE "tenant_id" = ? AND "deleted_at" IS NULL ORDER BY "id" ASC LIMIT ?"#,
            postgres:
                #"SELECT "name", "id", "region_id" FROM "customers" WHERE "tenant_id" = $1 AND "deleted_at" IS NULL ORDER BY "id" ASC LIMIT $2"#,
            binds: [.text("acme"), .integer(4)], path: [0], keys: [.integer(7), .integer(8), .integer(9)],
            includeSQLite: #"SELECT "name", "id" FROM "regions" WHERE "id" IN (?, ?, ?) ORDER BY "id" ASC"#,
            includePostgres: #"SELECT "name", "id" FROM "regions" WHERE "id" IN ($1, $2, $3) ORDER BY "id" ASC"#,
            includeBinds: [.integer(7), .integer(8), .integer(9)]),
        Golden(
            name: "many-to-one with the child's tenant and soft-delete scope; the key is already selected",
            arguments: #"{"model":"orders","select":["customer_id","id"],"include":{"customer":{"select":["email"]}}}"#,
            sqlite:
                #"SELECT "customer_id", "id" FROM "orders" WHERE "tenant_id" = ? ORDER BY "id" ASC LIMIT ?"#,
            postgres:
                #"SELECT "customer_id", "id" FROM "orders" WHERE "tenant_id" = $1 ORDER BY "id" ASC LIMIT $2"#,
            binds: [.text("acme"), .integer(51)], path: [0], keys: [.integer(1)],
            includeSQLite:
                #"SELECT "email", "id" FROM "customers" WHERE "tenant_id" = ? AND "deleted_at" IS NULL AND "id" IN (?) ORDER BY "id" ASC"#,
            includePostgres:
                #"SELECT "email", "id" FROM "customers" WHERE "tenant_id" = $1 AND "deleted_at" IS NULL AND "id" IN ($2) ORDER BY "id" ASC"#,
            includeBinds: [.text("acme"), .integer(1)]),
        Golden(
            name: "nested many with the owner scope and the default limit of the child model",
            arguments: #"""
                {"model":"customers","select":["id"],"limit":1,"include":{"orders":{"select":["status"],
                 "include":{"items":{"select":["sku"]}}}}}
                """#,
            sqlite:
                #"SELECT "id" FROM "customers" WHERE "tenant_id" = ? AND "deleted_at" IS NULL ORDER BY "id" ASC LIMIT ?"#,
            postgres:
                #"SELECT "id" FROM "customers" WHERE "tenant_id" = $1 AND "deleted_at" IS NULL ORDER BY "id" ASC LIMIT $2"#,
            binds: [.text("acme"), .integer(2)], path: [0, 0], keys: [.integer(10), .integer(11)],
            includeSQLite:
                #"SELECT "sku", "order_id" FROM (SELECT "sku", "order_id", ROW_NUMBER() OVER (PARTITION BY "order_id" ORDER BY "id" ASC) AS "hangar_rank" FROM "items" WHERE "tenant_id" = ? AND "owner_id" = ? AND "order_id" IN (?, ?)) AS "hangar_ranked" WHERE "hangar_rank" <= ? ORDER BY "order_id" ASC, "hangar_rank" ASC"#,
            includePostgres:
                #"SELECT "sku", "order_id" FROM (SELECT "sku", "order_id", ROW_NUMBER() OVER (PARTITION BY "order_id" ORDER BY "id" ASC) AS "hangar_rank" FROM "items" WHERE "tenant_id" = $1 AND "owner_id" = $2 AND "order_id" IN ($3, $4)) AS "hangar_ranked" WHERE "hangar_rank" <= $5 ORDER BY "order_id" ASC, "hangar_rank" ASC"#,
            includeBinds: [.text("acme"), .text("agent-1"), .integer(10), .integer(11), .integer(100)]),
        Golden(
            name: "the middle of a nested include gets its own key and its child's key appended",
            arguments: #"""
                {"model":"customers","select":["id"],"limit":1,"include":{"orders":{"select":["status"],
                 "include":{"items":{"select":["sku"]}}}}}
                """#,
            sqlite:
                #"SELECT "id" FROM "customers" WHERE "tenant_id" = ? AND "deleted_at" IS NULL ORDER BY "id" ASC LIMIT ?"#,
            postgres:
                #"SELECT "id" FROM "customers" WHERE "tenant_id" = $1 AND "deleted_at" IS NULL ORDER BY "id" ASC LIMIT $2"#,
            binds: [.text("acme"), .integer(2)], path: [0], keys: [.integer(1)],
            includeSQLite:
                #"SELECT "status", "customer_id", "id" FROM (SELECT "status", "customer_id", "id", ROW_NUMBER() OVER (PARTITION BY "customer_id" ORDER BY "id" ASC) AS "hangar_rank" FROM "orders" WHERE "tenant_id" = ? AND "customer_id" IN (?)) AS "hangar_ranked" WHERE "hangar_rank" <= ? ORDER BY "customer_id" ASC, "hangar_rank" ASC"#,
            includePostgres:
                #"SELECT "status", "customer_id", "id" FROM (SELECT "status", "customer_id", "id", ROW_NUMBER() OVER (PARTITION BY "customer_id" ORDER BY "id" ASC) AS "hangar_rank" FROM "orders" WHERE "tenant_id" = $1 AND "customer_id" IN ($2)) AS "hangar_ranked" WHERE "hangar_rank" <= $3 ORDER BY "customer_id" ASC, "hangar_rank" ASC"#,
            includeBinds: [.text("acme"), .integer(1), .integer(50)]),
    ]

    static func include(at path: [Int], of query: CompiledQuery) throws -> CompiledInclude {
        var includes = query.includes
        var found: CompiledInclude?
        for index in path {
            let include = try #require(includes.indices.contains(index) ? includes[index] : nil)
            found = include
            includes = include.includes
        }
        return try #require(found)
    }

    @Test(arguments: goldens)
    func compilesExactly(_ golden: Golden) throws {
        let arguments = try JSONValue.parse(golden.arguments)
        for dialect in SQLDialect.allCases {
            let query = try IncludeFixtures.compile(arguments, dialect: dialect)
            #expect(query.statement.sql == (dialect == .sqlite ? golden.sqlite : golden.postgres))
            #expect(query.statement.binds == golden.binds)
            let statement = try Self.include(at: golden.path, of: query).statement(keys: golden.keys)
            #expect(statement.sql == (dialect == .sqlite ? golden.includeSQLite : golden.includePostgres))
            #expect(statement.binds == golden.includeBinds)
        }
    }

    /// Every include statement holds only quoted canonical identifiers and the fixed aliases; hostile key
    /// values are binds only.
    @Test(arguments: goldens)
    func containsNoAgentString(_ golden: Golden) throws {
        let arguments = try JSONValue.parse(golden.arguments)
        let hostile: [DataValue] = [.text("'; DROP TABLE orders; --"), .text("\" OR 1=1 --"), .text("$1 ?")]
        for dialect in SQLDialect.allCases {
            let query = try IncludeFixtures.compile(arguments, dialect: dialect)
            #expect(IncludeFixtures.isSchemaOnly(query.statement.sql), "\(query.statement.sql)")
            let statement = try Self.include(at: golden.path, of: query).statement(keys: hostile)
            #expect(IncludeFixtures.isSchemaOnly(statement.sql), "\(statement.sql)")
            for case .text(let text) in hostile {
                #expect(!statement.sql.contains(text))
                #expect(statement.binds.contains(.text(text)))
            }
        }
    }

    @Test("the compiled include records its keys, fields, limit and nesting")
    func recordsColumns() throws {
        let query = try IncludeFixtures.compile(
            try JSONValue.parse(
                #"""
                {"model":"customers","select":["name","email"],"order_by":[{"field":"name"}],"limit":10,
                 "include":{"region":{},"orders":{"select":["card","total"],"limit":2,"include":{"items":{}}}}}
                """#), dialect: .sqlite)
        // Columns: name, email, id (the primary-key sort key), region_id (the region include's key).
        #expect(query.sortKeyColumns == [0, 2])
        #expect(query.includes.map(\.name) == ["orders", "region"])
        let orders = query.includes[0]
        #expect(orders.parentKeyColumn == 2)
        #expect(orders.fields.map(\.name) == ["card", "total"])
        #expect(orders.keyColumn == 2)
        #expect(orders.limit == 2)
        #expect(orders.model.name == "orders")
        #expect(orders.includes.map(\.name) == ["items"])
        #expect(orders.includes[0].parentKeyColumn == 3)
        #expect(orders.includes[0].fields.map(\.name) == ["id", "order_id", "qty", "sku"])
        #expect(orders.includes[0].keyColumn == 1)
        #expect(orders.includes[0].limit == 100)
        let region = query.includes[1]
        #expect(region.parentKeyColumn == 3)
        #expect(region.fields.map(\.name) == ["id", "name"])
        #expect(region.keyColumn == 0)
        #expect(region.relation.many == false)
    }

    @Test("a query without include compiles as before and has no includes", arguments: SQLDialect.allCases)
    func withoutInclude(dialect: SQLDialect) throws {
        let arguments = try JSONValue.parse(#"{"model":"customers","select":["name"],"include":{}}"#)
        let query = try IncludeFixtures.compile(arguments, dialect: dialect)
        let plain = try IncludeFixtures.compile(
            try JSONValue.parse(#"{"model":"customers","select":["name"]}"#), dialect: dialect)
        #expect(query.includes.isEmpty)
        #expect(query.statement == plain.statement)
        #expect(query.cursorBinding == plain.cursorBinding)
    }

    @Test("with no key the include statement matches no row", arguments: SQLDialect.allCases)
    func noKeys(dialect: SQLDialect) throws {
        let arguments = try JSONValue.parse(#"{"model":"customers","include":{"region":{"select":["name"]}}}"#)
        let statement = try IncludeFixtures.compile(arguments, dialect: dialect).includes[0].statement(keys: [])
        #expect(statement.sql == #"SELECT "name", "id" FROM "regions" WHERE "id" IN (NULL) ORDER BY "id" ASC"#)
        #expect(statement.binds.isEmpty)
    }

    @Test("the rank alias differs from every column of the statement")
    func rankAliasIsUnique() throws {
        var ranked = IncludeFixtures.products
        ranked.fields["HANGAR_RANK"] = DataFixtures.field("HANGAR_RANK", .integer)
        ranked.fields["hangar_rank_"] = DataFixtures.field("hangar_rank_", .integer)
        var parent = IncludeFixtures.regions
        parent.relations = ["ranked": ExposedRelation(model: "products", from: "id", to: "id", many: true, maxDepth: 1)]
        let request = try QueryRequest(
            arguments: try JSONValue.parse(#"{"model":"regions","include":{"ranked":{}}}"#), model: parent,
            models: ["products": ranked])
        let query = try DataFixtures.sqlite.compile(request, model: parent, principal: DataFixtures.principal)
        let sql = try query.includes[0].statement(keys: [.integer(1)]).sql
        #expect(sql.contains(#"AS "hangar_rank__" FROM "products""#), "\(sql)")
        #expect(sql.contains(#"WHERE "hangar_rank__" <= ?"#), "\(sql)")
    }

    @Test("a tenant-scoped include needs a principal with a tenant, checked at compile time")
    func includeScopeNeedsTenant() async throws {
        let arguments = try JSONValue.parse(#"{"model":"regions","include":{"customers":{"select":["name"]}}}"#)
        let noTenant = Principal(id: "agent-1", tenant: nil)
        _ = try IncludeFixtures.compile(
            try JSONValue.parse(#"{"model":"regions"}"#), dialect: .sqlite, principal: noTenant)
        await expectError(.rowScopeViolation) {
            try IncludeFixtures.compile(arguments, dialect: .sqlite, principal: noTenant)
        }
        let include = try IncludeFixtures.compile(arguments, dialect: .postgres).includes[0]
        let scoped = try include.statement(keys: [.integer(1)])
        #expect(
            scoped.sql
                == #"SELECT "name", "region_id" FROM (SELECT "name", "region_id", ROW_NUMBER() OVER (PARTITION BY "region_id" ORDER BY "id" ASC) AS "hangar_rank" FROM "customers" WHERE "tenant_id" = $1 AND "deleted_at" IS NULL AND "region_id" IN ($2)) AS "hangar_ranked" WHERE "hangar_rank" <= $3 ORDER BY "region_id" ASC, "hangar_rank" ASC"#
        )
        #expect(scoped.binds == [.text("acme"), .integer(1), .integer(100)])
    }
}
