/// SQL for projection tables, generated from their ``ProjectionTable`` description in either dialect.
struct ProjectionSQL: Sendable {
    let dialect: SQLDialect

    func createTable(_ table: ProjectionTable) -> [String] {
        let columns = table.columns.map { column in
            let type = column.kind == .integer ? dialect.integerType : "TEXT"
            return "\(column.name) \(type)\(column.nullable ? "" : " NOT NULL")"
        }
        let key = table.keyColumns.map(\.name).joined(separator: ", ")
        var statements = [
            "CREATE TABLE IF NOT EXISTS \(table.name) (\(columns.joined(separator: ", ")), PRIMARY KEY (\(key)))"
        ]
        for index in table.indexes {
            let name = "\(table.name)_\(index.joined(separator: "_"))"
            statements.append("CREATE INDEX IF NOT EXISTS \(name) ON \(table.name) (\(index.joined(separator: ", ")))")
        }
        return statements
    }

    func apply(_ write: ProjectionWrite) -> SQLStatement {
        switch write {
        case .upsert(let table, let row):
            let names = table.columns.map(\.name)
            let updates = names.dropFirst(table.keyCount).map { "\($0) = excluded.\($0)" }
            let key = table.keyColumns.map(\.name).joined(separator: ", ")
            let conflict = updates.isEmpty ? "DO NOTHING" : "DO UPDATE SET \(updates.joined(separator: ", "))"
            return SQLStatement(
                sql:
                    "INSERT INTO \(table.name) (\(names.joined(separator: ", "))) VALUES (\(dialect.placeholders(names.count))) ON CONFLICT (\(key)) \(conflict)",
                binds: row)
        case .delete(let table, let key):
            return SQLStatement(sql: "DELETE FROM \(table.name) WHERE \(keyCondition(table))", binds: key)
        }
    }

    func selectAll(_ table: ProjectionTable) -> String {
        let order = table.keyColumns.map(\.name).joined(separator: ", ")
        return "SELECT \(columnList(table)) FROM \(table.name) ORDER BY \(order)"
    }

    func select(_ table: ProjectionTable, key: [ProjectionValue], lock: Bool = false) -> SQLStatement {
        SQLStatement(
            sql:
                "SELECT \(columnList(table)) FROM \(table.name) WHERE \(keyCondition(table))\(lock ? dialect.lockRow : "")",
            binds: key)
    }

    /// Rows whose leading columns equal `prefix` (all rows when it is empty), in key order.
    func select(_ table: ProjectionTable, prefix: [ProjectionValue], limit: Int) -> SQLStatement {
        let conditions = table.columns.prefix(prefix.count).enumerated().map {
            "\($0.element.name) = \(dialect.placeholder($0.offset + 1))"
        }
        let filter = conditions.isEmpty ? "" : " WHERE \(conditions.joined(separator: " AND "))"
        let order = table.keyColumns.map(\.name).joined(separator: ", ")
        return SQLStatement(
            sql: "SELECT \(columnList(table)) FROM \(table.name)\(filter) ORDER BY \(order) LIMIT \(max(0, limit))",
            binds: prefix)
    }

    func deleteAll(_ table: ProjectionTable) -> String { "DELETE FROM \(table.name)" }

    func columnList(_ table: ProjectionTable, prefix: String = "") -> String {
        table.columns.map { prefix + $0.name }.joined(separator: ", ")
    }

    private func keyCondition(_ table: ProjectionTable) -> String {
        table.keyColumns.enumerated().map { "\($0.element.name) = \(dialect.placeholder($0.offset + 1))" }
            .joined(separator: " AND ")
    }
}
