import HangarData

extension GoldenCase {
    static let reads: [GoldenCase] = [
        GoldenCase(
            name: "query with two filters, an order and a limit", kind: .query,
            arguments: #"""
                {"model":"users","select":["id","name"],"where":{"and":[{"age":{"gte":18}},{"status":{"eq":"active"}}]},
                 "order_by":[{"field":"name","direction":"desc"}],"limit":25}
                """#,
            sqlite:
                #"SELECT "id", "name" FROM "users" WHERE "tenant_id" = ? AND "deleted_at" IS NULL AND ("age" >= ? AND "status" = ?) ORDER BY "name" DESC, "id" ASC LIMIT ?"#,
            postgres:
                #"SELECT "id", "name" FROM "users" WHERE "tenant_id" = $1 AND "deleted_at" IS NULL AND ("age" >= $2 AND "status" = $3) ORDER BY "name" DESC, "id" ASC LIMIT $4"#,
            binds: [.text("acme"), .integer(18), .text("active"), .integer(26)]),
        GoldenCase(
            name: "comparison operators with or, not and a nested and", kind: .query,
            arguments: #"""
                {"model":"users","select":["name"],"where":{"or":[{"age":{"lt":1}},{"age":{"lte":2}},
                 {"not":{"age":{"gt":3}}},{"and":[{"age":{"ne":4}},{"age":{"gte":5}}]}]}}
                """#,
            sqlite:
                #"SELECT "name", "id" FROM "users" WHERE "tenant_id" = ? AND "deleted_at" IS NULL AND ("age" < ? OR "age" <= ? OR NOT ("age" > ?) OR ("age" <> ? AND "age" >= ?)) ORDER BY "id" ASC LIMIT ?"#,
            postgres:
                #"SELECT "name", "id" FROM "users" WHERE "tenant_id" = $1 AND "deleted_at" IS NULL AND ("age" < $2 OR "age" <= $3 OR NOT ("age" > $4) OR ("age" <> $5 AND "age" >= $6)) ORDER BY "id" ASC LIMIT $7"#,
            binds: [.text("acme"), .integer(1), .integer(2), .integer(3), .integer(4), .integer(5), .integer(101)]),
        GoldenCase(
            name: "in, not_in, between and is_null", kind: .query,
            arguments: #"""
                {"model":"users","select":["name"],"where":{"and":[{"age":{"in":[1,2,3]}},{"status":{"not_in":["a","b"]}},
                 {"score":{"between":[1.5,2]}},{"email":{"is_null":true}},{"active":{"is_null":false}}]},"limit":10}
                """#,
            sqlite:
                #"SELECT "name", "id" FROM "users" WHERE "tenant_id" = ? AND "deleted_at" IS NULL AND ("age" IN (?, ?, ?) AND "status" NOT IN (?, ?) AND "score" BETWEEN ? AND ? AND "email" IS NULL AND "active" IS NOT NULL) ORDER BY "id" ASC LIMIT ?"#,
            postgres:
                #"SELECT "name", "id" FROM "users" WHERE "tenant_id" = $1 AND "deleted_at" IS NULL AND ("age" IN ($2, $3, $4) AND "status" NOT IN ($5, $6) AND "score" BETWEEN $7 AND $8 AND "email" IS NULL AND "active" IS NOT NULL) ORDER BY "id" ASC LIMIT $9"#,
            binds: [
                .text("acme"), .integer(1), .integer(2), .integer(3), .text("a"), .text("b"), .real(1.5), .real(2),
                .integer(11),
            ]),
        GoldenCase(
            name: "contains, starts_with and ends_with escape % _ and backslash", kind: .query,
            arguments: #"""
                {"model":"users","select":["name"],"where":{"or":[{"name":{"contains":"50%_off\\now"}},
                 {"name":{"starts_with":"a_b"}},{"email":{"ends_with":"%x"}}]},"limit":5}
                """#,
            sqlite:
                #"SELECT "name", "id" FROM "users" WHERE "tenant_id" = ? AND "deleted_at" IS NULL AND ("name" LIKE ? ESCAPE '\' OR "name" LIKE ? ESCAPE '\' OR "email" LIKE ? ESCAPE '\') ORDER BY "id" ASC LIMIT ?"#,
            postgres:
                #"SELECT "name", "id" FROM "users" WHERE "tenant_id" = $1 AND "deleted_at" IS NULL AND ("name" LIKE $2 ESCAPE '\' OR "name" LIKE $3 ESCAPE '\' OR "email" LIKE $4 ESCAPE '\') ORDER BY "id" ASC LIMIT $5"#,
            binds: [.text("acme"), .text(#"%50\%\_off\\now%"#), .text(#"a\_b%"#), .text(#"%\%x"#), .integer(6)]),
        GoldenCase(
            name: "nullable sort key sorts nulls last", kind: .query,
            arguments: #"{"model":"users","select":["name"],"order_by":[{"field":"score"}],"limit":2}"#,
            sqlite:
                #"SELECT "name", "score", "id" FROM "users" WHERE "tenant_id" = ? AND "deleted_at" IS NULL ORDER BY "score" ASC NULLS LAST, "id" ASC LIMIT ?"#,
            postgres:
                #"SELECT "name", "score", "id" FROM "users" WHERE "tenant_id" = $1 AND "deleted_at" IS NULL ORDER BY "score" ASC NULLS LAST, "id" ASC LIMIT $2"#,
            binds: [.text("acme"), .integer(3)]),
        GoldenCase(
            name: "get", kind: .get, arguments: #"{"model":"users","id":42}"#,
            sqlite:
                #"SELECT "active", "age", "created_at", "email", "id", "name", "phone", "score", "ssn", "status" FROM "users" WHERE "tenant_id" = ? AND "deleted_at" IS NULL AND "id" = ? LIMIT 1"#,
            postgres:
                #"SELECT "active", "age", "created_at", "email", "id", "name", "phone", "score", "ssn", "status" FROM "users" WHERE "tenant_id" = $1 AND "deleted_at" IS NULL AND "id" = $2 LIMIT 1"#,
            binds: [.text("acme"), .integer(42)]),
        GoldenCase(
            name: "count without a field", kind: .aggregate, arguments: #"{"model":"users","op":"count"}"#,
            sqlite: #"SELECT COUNT(*) FROM "users" WHERE "tenant_id" = ? AND "deleted_at" IS NULL"#,
            postgres: #"SELECT COUNT(*) FROM "users" WHERE "tenant_id" = $1 AND "deleted_at" IS NULL"#,
            binds: [.text("acme")]),
        GoldenCase(
            name: "count a field by group", kind: .aggregate,
            arguments: #"{"model":"users","op":"count","field":"score","group_by":["status"]}"#,
            sqlite:
                #"SELECT "status", COUNT("score") FROM "users" WHERE "tenant_id" = ? AND "deleted_at" IS NULL GROUP BY "status" ORDER BY "status" ASC LIMIT ?"#,
            postgres:
                #"SELECT "status", COUNT("score") FROM "users" WHERE "tenant_id" = $1 AND "deleted_at" IS NULL GROUP BY "status" ORDER BY "status" ASC LIMIT $2"#,
            binds: [.text("acme"), .integer(101)]),
        GoldenCase(
            name: "sum with a filter by group", kind: .aggregate,
            arguments:
                #"{"model":"users","op":"sum","field":"age","where":{"active":{"eq":true}},"group_by":["status"]}"#,
            sqlite:
                #"SELECT "status", SUM("age") FROM "users" WHERE "tenant_id" = ? AND "deleted_at" IS NULL AND ("active" = ?) GROUP BY "status" ORDER BY "status" ASC LIMIT ?"#,
            postgres:
                #"SELECT "status", SUM("age") FROM "users" WHERE "tenant_id" = $1 AND "deleted_at" IS NULL AND ("active" = $2) GROUP BY "status" ORDER BY "status" ASC LIMIT $3"#,
            binds: [.text("acme"), .boolean(true), .integer(101)]),
        GoldenCase(
            name: "avg by two groups", kind: .aggregate,
            arguments: #"{"model":"users","op":"avg","field":"score","group_by":["status","active"]}"#,
            sqlite:
                #"SELECT "status", "active", AVG("score") FROM "users" WHERE "tenant_id" = ? AND "deleted_at" IS NULL GROUP BY "status", "active" ORDER BY "status" ASC, "active" ASC LIMIT ?"#,
            postgres:
                #"SELECT "status", "active", AVG("score") FROM "users" WHERE "tenant_id" = $1 AND "deleted_at" IS NULL GROUP BY "status", "active" ORDER BY "status" ASC, "active" ASC LIMIT $2"#,
            binds: [.text("acme"), .integer(101)]),
        GoldenCase(
            name: "min by group", kind: .aggregate,
            arguments: #"{"model":"users","op":"min","field":"age","group_by":["active"]}"#,
            sqlite:
                #"SELECT "active", MIN("age") FROM "users" WHERE "tenant_id" = ? AND "deleted_at" IS NULL GROUP BY "active" ORDER BY "active" ASC LIMIT ?"#,
            postgres:
                #"SELECT "active", MIN("age") FROM "users" WHERE "tenant_id" = $1 AND "deleted_at" IS NULL GROUP BY "active" ORDER BY "active" ASC LIMIT $2"#,
            binds: [.text("acme"), .integer(101)]),
        GoldenCase(
            name: "max by group", kind: .aggregate,
            arguments: #"{"model":"users","op":"max","field":"status","group_by":["active"]}"#,
            sqlite:
                #"SELECT "active", MAX("status") FROM "users" WHERE "tenant_id" = ? AND "deleted_at" IS NULL GROUP BY "active" ORDER BY "active" ASC LIMIT ?"#,
            postgres:
                #"SELECT "active", MAX("status") FROM "users" WHERE "tenant_id" = $1 AND "deleted_at" IS NULL GROUP BY "active" ORDER BY "active" ASC LIMIT $2"#,
            binds: [.text("acme"), .integer(101)]),
    ]
}
