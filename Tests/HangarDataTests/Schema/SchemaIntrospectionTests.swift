import HangarCore
import HangarData
import HangarTesting
import Testing

@Suite struct SchemaIntrospectionTests {
    @Test func sqliteCatalogIsExact() async throws {
        let catalog = try await SchemaFixture.sqliteCatalog()
        #expect(catalog == SchemaFixture.expected(.sqlite))
        #expect(catalog.tables.keys.sorted() == ["audit_log", "orders", "users"])
    }

    @Test func postgresCatalogIsExact() async throws {
        let catalog = try await SchemaFixture.withPostgres { client, schema in
            try await SchemaCatalog.introspect(postgres: client, schema: schema, logger: SchemaFixture.logger)
        }
        #expect(catalog == SchemaFixture.expected(.postgres))
    }

    @Test(arguments: ["pg_catalog", "information_schema", "PG_TOAST"])
    func postgresSystemSchemasAreRefused(schema: String) async throws {
        let error = try await SchemaFixture.withPostgres { client, _ in
            await expectError(.configInvalid) {
                try await SchemaCatalog.introspect(postgres: client, schema: schema, logger: SchemaFixture.logger)
            }
        }
        #expect(error?.message == "'\(schema)' is a system schema")
    }

    @Test func missingSQLiteFileIsADatabaseError() async {
        let error = await expectError(.databaseError) {
            try await SchemaCatalog.introspect(sqlitePath: "/nonexistent/hangar/fixture.sqlite")
        }
        #expect(error?.message == "could not open the database to read its schema")
    }

    @Test(arguments: [
        ("INTEGER", ColumnType.integer), ("BIGINT", .integer), ("VARCHAR(20)", .text), ("CLOB", .text),
        ("BOOLEAN", .boolean), ("DATETIME", .timestamp), ("DATE", .timestamp), ("REAL", .real),
        ("DOUBLE PRECISION", .real), ("DECIMAL(10,2)", .real), ("", .blob), ("BLOB", .blob),
    ])
    func sqliteDeclaredTypes(declared: String, type: ColumnType) {
        #expect(ColumnType(sqliteDeclaredType: declared) == type)
    }

    @Test func postgresUnsupportedTypesHaveNoType() {
        #expect(ColumnType(postgresDataType: "ARRAY") == nil)
        #expect(ColumnType(postgresDataType: "inet") == nil)
        #expect(ColumnType(postgresDataType: "bigint") == .integer)
        #expect(ColumnType(postgresDataType: "bytea") == .blob)
    }
}
