public import GRDB
import HangarCore

extension SchemaCatalog {
    /// The tables of the SQLite database at `path`, opened read-only.
    ///
    /// - Throws: `database_error` when the file cannot be opened or read.
    public static func introspect(sqlitePath path: String) async throws -> SchemaCatalog {
        var configuration = Configuration()
        configuration.readonly = true
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw HangarError(.databaseError, "could not open the database to read its schema", underlying: error)
        }
        defer { try? queue.close() }
        return try await introspect(sqlite: queue)
    }

    /// The tables of a SQLite database: every table in `sqlite_master` but SQLite's own (`sqlite_*`), with the
    /// columns from `pragma table_info`. Views are not included.
    ///
    /// - Throws: `database_error` when the schema cannot be read.
    public static func introspect(sqlite reader: any DatabaseReader) async throws -> SchemaCatalog {
        do {
            return try await reader.read { db in
                let names = try String.fetchAll(db, sql: tablesQuery)
                return SchemaCatalog(try names.map { try table($0, in: db) })
            }
        } catch {
            throw HangarError(.databaseError, "could not read the database schema", underlying: error)
        }
    }

    /// The tables of the main schema but SQLite's own (`sqlite_sequence`, `sqlite_stat1`, …).
    private static let tablesQuery =
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"

    private static func table(_ name: String, in db: Database) throws -> SchemaTable {
        let infos = try db.columns(in: name)
        let columns = infos.map { info in
            SchemaColumn(
                name: info.name, declaredType: info.type, type: ColumnType(sqliteDeclaredType: info.type),
                // A primary-key column is reported NOT NULL on both databases (a rowid alias cannot be null).
                nullable: !info.isNotNull && info.primaryKeyIndex == 0, primaryKey: info.primaryKeyIndex > 0)
        }
        let primaryKey = infos.filter { $0.primaryKeyIndex > 0 }.sorted { $0.primaryKeyIndex < $1.primaryKeyIndex }
        return SchemaTable(name: name, columns: columns, primaryKey: primaryKey.map(\.name))
    }
}
