import Foundation
import HangarCore
import HangarData
import HangarTesting
import Testing

@Suite struct CursorTests {
    static let page1: JSONValue = [
        "model": "users", "select": ["name"], "where": ["age": ["gte": 18]],
        "order_by": [["field": "score", "direction": "desc"]], "limit": 2,
    ]

    static func page(_ base: JSONValue, cursor: String) -> JSONValue {
        guard case .object(var object) = base else { return base }
        object["cursor"] = .string(cursor)
        return .object(object)
    }

    static func compile(
        _ arguments: JSONValue, principal: Principal = DataFixtures.principal, dialect: SQLDialect = .sqlite
    ) throws -> CompiledQuery {
        let model = DataFixtures.users
        return try DataFixtures.compiler(dialect).compile(
            QueryRequest(arguments: arguments, model: model), model: model, principal: principal)
    }

    /// A cursor as the runtime would issue it after page 1 (cursors are bound to the dialect's SQL too).
    static func cursor(
        after values: [DataValue], principal: Principal = DataFixtures.principal, dialect: SQLDialect = .sqlite
    ) throws -> String {
        let first = try compile(page1, principal: principal, dialect: dialect)
        return try DataFixtures.compiler(dialect).nextCursor(after: values, for: first)
    }

    @Test func secondPageIsExact() throws {
        let first = try Self.compile(Self.page1)
        #expect(first.sortKeyColumns == [1, 2])
        #expect(first.pageSize == 2)
        let token = try Self.cursor(after: [.real(2.5), .integer(9)])
        let sqlite = try Self.compile(Self.page(Self.page1, cursor: token)).statement
        #expect(
            sqlite.sql
                == #"SELECT "name", "score", "id" FROM "users" WHERE "tenant_id" = ? AND "deleted_at" IS NULL AND ("age" >= ?) AND ("score" < ? OR ("score" = ? AND "id" > ?)) ORDER BY "score" DESC NULLS FIRST, "id" ASC LIMIT ?"#
        )
        #expect(sqlite.binds == [.text("acme"), .integer(18), .real(2.5), .real(2.5), .integer(9), .integer(3)])
        let postgresToken = try Self.cursor(after: [.real(2.5), .integer(9)], dialect: .postgres)
        let postgres = try Self.compile(Self.page(Self.page1, cursor: postgresToken), dialect: .postgres).statement
        #expect(
            postgres.sql
                == #"SELECT "name", "score", "id" FROM "users" WHERE "tenant_id" = $1 AND "deleted_at" IS NULL AND ("age" >= $2) AND ("score" < $3 OR ("score" = $4 AND "id" > $5)) ORDER BY "score" DESC NULLS FIRST, "id" ASC LIMIT $6"#
        )
    }

    @Test func nullSortKeyContinuesAfterTheNulls() throws {
        let token = try Self.cursor(after: [.null, .integer(4)])
        let statement = try Self.compile(Self.page(Self.page1, cursor: token)).statement
        #expect(
            statement.sql
                == #"SELECT "name", "score", "id" FROM "users" WHERE "tenant_id" = ? AND "deleted_at" IS NULL AND ("age" >= ?) AND ("score" IS NOT NULL OR ("score" IS NULL AND "id" > ?)) ORDER BY "score" DESC NULLS FIRST, "id" ASC LIMIT ?"#
        )
        #expect(statement.binds == [.text("acme"), .integer(18), .integer(4), .integer(3)])
    }

    @Test func foreignPrincipalTenantAndQueryAreRefused() async throws {
        let token = try Self.cursor(after: [.real(2.5), .integer(9)])
        await expectError(.cursorInvalid) {
            try Self.compile(Self.page(Self.page1, cursor: token), principal: DataFixtures.otherPrincipal)
        }
        await expectError(.cursorInvalid) {
            try Self.compile(Self.page(Self.page1, cursor: token), principal: DataFixtures.otherTenant)
        }
        var changed = Self.page1
        if case .object(var object) = changed {
            object["where"] = ["age": ["gte": 19]]
            changed = .object(object)
        }
        await expectError(.cursorInvalid) { try Self.compile(Self.page(changed, cursor: token)) }
        let otherKey = DataCompiler(dialect: .sqlite, cursorKey: Array(repeating: 8, count: 32))
        await expectError(.cursorInvalid) {
            try otherKey.compile(
                QueryRequest(arguments: Self.page(Self.page1, cursor: token), model: DataFixtures.users),
                model: DataFixtures.users, principal: DataFixtures.principal)
        }
    }

    @Test(arguments: ["", "!!!!", "AAAA", String(repeating: "A", count: 5000), "eyJpZCI6MX0"])
    func forgedCursorsAreRefused(_ token: String) async {
        await expectError(.cursorInvalid) { try Self.compile(Self.page(Self.page1, cursor: token)) }
    }

    @Test func tamperedCursorIsRefused() async throws {
        var token = Array(try Self.cursor(after: [.real(2.5), .integer(9)]))
        token[3] = token[3] == "A" ? "B" : "A"
        let tampered = String(token)
        await expectError(.cursorInvalid) { try Self.compile(Self.page(Self.page1, cursor: tampered)) }
    }

    /// A sort key may be a column the agent cannot see: the cursor must not carry it in the clear.
    @Test func cursorsDoNotRevealTheirValues() throws {
        let secret = "hidden-sort-value-4242"
        let first = try Self.cursor(after: [.real(2.5), .integer(9)])
        let second = try Self.cursor(after: [.real(2.5), .integer(9)])
        #expect(first != second, "sealed with a fresh nonce each time")
        let query = try Self.compile(Self.page1)
        let token = try DataFixtures.compiler(.sqlite).nextCursor(after: [.text(secret), .integer(9)], for: query)
        let decoded = try #require(Data(base64Encoded: Self.standardBase64(token)))
        #expect(!String(decoding: decoded, as: UTF8.self).contains(secret))
        #expect(!String(decoding: decoded, as: UTF8.self).contains("hidden"))
    }

    static func standardBase64(_ token: String) -> String {
        var text = token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while text.utf8.count % 4 != 0 { text += "=" }
        return text
    }
}
