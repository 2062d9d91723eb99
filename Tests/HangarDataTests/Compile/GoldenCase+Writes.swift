import HangarData

extension GoldenCase {
    static let writes: [GoldenCase] = [
        GoldenCase(
            name: "create sets tenant and owner from the principal", kind: .create,
            arguments: #"{"model":"notes","data":{"title":"hi","pinned":false},"reason":"r"}"#,
            sqlite:
                #"INSERT INTO "notes" ("tenant_id", "owner_id", "pinned", "title") VALUES (?, ?, ?, ?) RETURNING "id""#,
            postgres:
                #"INSERT INTO "notes" ("tenant_id", "owner_id", "pinned", "title") VALUES ($1, $2, $3, $4) RETURNING "id""#,
            binds: [.text("acme"), .text("agent-1"), .boolean(false), .text("hi")]),
        GoldenCase(
            name: "create with a null", kind: .create,
            arguments: #"{"model":"users","data":{"name":"x","age":3,"email":null}}"#,
            sqlite: #"INSERT INTO "users" ("tenant_id", "age", "email", "name") VALUES (?, ?, ?, ?) RETURNING "id""#,
            postgres:
                #"INSERT INTO "users" ("tenant_id", "age", "email", "name") VALUES ($1, $2, $3, $4) RETURNING "id""#,
            binds: [.text("acme"), .integer(3), .null, .text("x")]),
        GoldenCase(
            name: "update", kind: .update, arguments: #"{"model":"users","id":42,"data":{"name":"x","score":1}}"#,
            sqlite:
                #"UPDATE "users" SET "name" = ?, "score" = ? WHERE "tenant_id" = ? AND "deleted_at" IS NULL AND "id" = ? RETURNING "id""#,
            postgres:
                #"UPDATE "users" SET "name" = $1, "score" = $2 WHERE "tenant_id" = $3 AND "deleted_at" IS NULL AND "id" = $4 RETURNING "id""#,
            binds: [.text("x"), .real(1), .text("acme"), .integer(42)],
            beforeSQLite:
                #"SELECT "id", "active", "age", "created_at", "email", "id", "name", "phone", "score", "ssn", "status" FROM "users" WHERE "tenant_id" = ? AND "deleted_at" IS NULL AND "id" = ? ORDER BY "id" LIMIT ?"#,
            beforePostgres:
                #"SELECT "id", "active", "age", "created_at", "email", "id", "name", "phone", "score", "ssn", "status" FROM "users" WHERE "tenant_id" = $1 AND "deleted_at" IS NULL AND "id" = $2 ORDER BY "id" LIMIT $3 FOR UPDATE"#,
            beforeBinds: [.text("acme"), .integer(42), .integer(2)]),
        GoldenCase(
            name: "update scoped to the owner", kind: .update,
            arguments: #"{"model":"notes","id":7,"data":{"title":"t"},"reason":"fix"}"#,
            sqlite:
                #"UPDATE "notes" SET "title" = ? WHERE "tenant_id" = ? AND "owner_id" = ? AND "id" = ? RETURNING "id""#,
            postgres:
                #"UPDATE "notes" SET "title" = $1 WHERE "tenant_id" = $2 AND "owner_id" = $3 AND "id" = $4 RETURNING "id""#,
            binds: [.text("t"), .text("acme"), .text("agent-1"), .integer(7)],
            beforeSQLite:
                #"SELECT "id", "id", "pinned", "title" FROM "notes" WHERE "tenant_id" = ? AND "owner_id" = ? AND "id" = ? ORDER BY "id" LIMIT ?"#,
            beforePostgres:
                #"SELECT "id", "id", "pinned", "title" FROM "notes" WHERE "tenant_id" = $1 AND "owner_id" = $2 AND "id" = $3 ORDER BY "id" LIMIT $4 FOR UPDATE"#,
            beforeBinds: [.text("acme"), .text("agent-1"), .integer(7), .integer(2)]),
        GoldenCase(
            name: "soft delete", kind: .delete, arguments: #"{"model":"users","id":42}"#,
            sqlite:
                #"UPDATE "users" SET "deleted_at" = CURRENT_TIMESTAMP WHERE "tenant_id" = ? AND "deleted_at" IS NULL AND "id" = ? RETURNING "id""#,
            postgres:
                #"UPDATE "users" SET "deleted_at" = CURRENT_TIMESTAMP WHERE "tenant_id" = $1 AND "deleted_at" IS NULL AND "id" = $2 RETURNING "id""#,
            binds: [.text("acme"), .integer(42)],
            beforeSQLite:
                #"SELECT "id", "active", "age", "created_at", "email", "id", "name", "phone", "score", "ssn", "status" FROM "users" WHERE "tenant_id" = ? AND "deleted_at" IS NULL AND "id" = ? ORDER BY "id" LIMIT ?"#,
            beforePostgres:
                #"SELECT "id", "active", "age", "created_at", "email", "id", "name", "phone", "score", "ssn", "status" FROM "users" WHERE "tenant_id" = $1 AND "deleted_at" IS NULL AND "id" = $2 ORDER BY "id" LIMIT $3 FOR UPDATE"#,
            beforeBinds: [.text("acme"), .integer(42), .integer(2)]),
        GoldenCase(
            name: "hard delete", kind: .delete, arguments: #"{"model":"notes","id":7,"reason":"gone"}"#,
            sqlite: #"DELETE FROM "notes" WHERE "tenant_id" = ? AND "owner_id" = ? AND "id" = ? RETURNING "id""#,
            postgres: #"DELETE FROM "notes" WHERE "tenant_id" = $1 AND "owner_id" = $2 AND "id" = $3 RETURNING "id""#,
            binds: [.text("acme"), .text("agent-1"), .integer(7)],
            beforeSQLite:
                #"SELECT "id", "id", "pinned", "title" FROM "notes" WHERE "tenant_id" = ? AND "owner_id" = ? AND "id" = ? ORDER BY "id" LIMIT ?"#,
            beforePostgres:
                #"SELECT "id", "id", "pinned", "title" FROM "notes" WHERE "tenant_id" = $1 AND "owner_id" = $2 AND "id" = $3 ORDER BY "id" LIMIT $4 FOR UPDATE"#,
            beforeBinds: [.text("acme"), .text("agent-1"), .integer(7), .integer(2)]),
        GoldenCase(
            name: "bulk update with its count", kind: .bulkUpdate,
            arguments: #"{"model":"users","where":{"status":{"eq":"old"}},"data":{"status":"new"}}"#,
            sqlite:
                #"UPDATE "users" SET "status" = ? WHERE "tenant_id" = ? AND "deleted_at" IS NULL AND ("status" = ?) RETURNING "id""#,
            postgres:
                #"UPDATE "users" SET "status" = $1 WHERE "tenant_id" = $2 AND "deleted_at" IS NULL AND ("status" = $3) RETURNING "id""#,
            binds: [.text("new"), .text("acme"), .text("old")],
            beforeSQLite:
                #"SELECT "id", "active", "age", "created_at", "email", "id", "name", "phone", "score", "ssn", "status" FROM "users" WHERE "tenant_id" = ? AND "deleted_at" IS NULL AND ("status" = ?) ORDER BY "id" LIMIT ?"#,
            beforePostgres:
                #"SELECT "id", "active", "age", "created_at", "email", "id", "name", "phone", "score", "ssn", "status" FROM "users" WHERE "tenant_id" = $1 AND "deleted_at" IS NULL AND ("status" = $2) ORDER BY "id" LIMIT $3 FOR UPDATE"#,
            beforeBinds: [.text("acme"), .text("old"), .integer(11)]),
    ]
}
