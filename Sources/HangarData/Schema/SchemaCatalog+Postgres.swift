import HangarCore
public import Logging
public import PostgresNIO

extension SchemaCatalog {
    /// The base tables of one PostgreSQL schema from `information_schema` (columns and primary keys).
    ///
    /// `information_schema` lists only the columns the connected role has privileges on, so a role with
    /// column-level grants sees only those columns.
    ///
    /// - Throws: `config_invalid` for a system schema (`pg_catalog`, `pg_*`, `information_schema`), and
    ///   `database_error` when the schema cannot be read.
    public static func introspect(
        postgres client: PostgresClient, schema: String = "public", logger: Logger
    ) async throws -> SchemaCatalog {
        try await introspectPostgres(schema: schema) { try await client.query($0, logger: logger) }
    }

    /// As ``introspect(postgres:schema:logger:)``, on one connection.
    public static func introspect(
        postgres connection: PostgresConnection, schema: String = "public", logger: Logger
    ) async throws -> SchemaCatalog {
        try await introspectPostgres(schema: schema) { try await connection.query($0, logger: logger) }
    }

    private static func introspectPostgres(
        schema: String, query: (PostgresQuery) async throws -> PostgresRowSequence
    ) async throws -> SchemaCatalog {
        let folded = schema.lowercased()
        guard !folded.hasPrefix("pg_"), folded != "information_schema" else {
            throw HangarError(.configInvalid, "'\(HangarError.echoed(schema))' is a system schema")
        }
        do {
            var columns: [String: [SchemaColumn]] = [:]
            let columnRows = try await query(
                """
                SELECT c.table_name::text, c.column_name::text, c.data_type::text, c.is_nullable::text
                FROM information_schema.columns c
                JOIN information_schema.tables t
                  ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                WHERE c.table_schema = \(schema) AND t.table_type = 'BASE TABLE'
                ORDER BY c.table_name, c.ordinal_position
                """)
            for try await (table, column, dataType, nullable) in columnRows.decode(
                (String, String, String, String).self)
            {
                columns[table, default: []].append(
                    SchemaColumn(
                        name: column, declaredType: dataType, type: ColumnType(postgresDataType: dataType),
                        nullable: nullable == "YES", primaryKey: false))
            }
            var keys: [String: [String]] = [:]
            let keyRows = try await query(
                """
                SELECT k.table_name::text, k.column_name::text
                FROM information_schema.table_constraints c
                JOIN information_schema.key_column_usage k
                  ON k.constraint_schema = c.constraint_schema AND k.constraint_name = c.constraint_name
                 AND k.table_schema = c.table_schema AND k.table_name = c.table_name
                WHERE c.table_schema = \(schema) AND c.constraint_type = 'PRIMARY KEY'
                ORDER BY k.table_name, k.ordinal_position
                """)
            for try await (table, column) in keyRows.decode((String, String).self) {
                keys[table, default: []].append(column)
            }
            return SchemaCatalog(
                columns.map { name, tableColumns in
                    let primaryKey = keys[name] ?? []
                    let marked = tableColumns.map { column in
                        var column = column
                        column.primaryKey = primaryKey.contains(column.name)
                        return column
                    }
                    return SchemaTable(name: name, columns: marked, primaryKey: primaryKey)
                })
        } catch {
            throw HangarError(.databaseError, "could not read the database schema", underlying: error)
        }
    }
}
