/// Projection writes folded into the rows they leave, so they reach the database as a few multi-row
/// statements instead of one statement per write: the writer folds the writes of a command, the rebuild
/// those of the whole log.
///
/// Folding is exact because every write decides its whole row: an upsert replaces every column of the row
/// with its key (`ON CONFLICT … DO UPDATE` sets all the others) and a delete removes it, so the last write
/// to a key alone decides what the table holds for that key, whatever came before.
struct PostgresProjectionReplay {
    private var tables: [String: ProjectionTable] = [:]
    /// The last write per key of each table: the row it leaves, or nil for a delete.
    private var rows: [String: [PostgresExactKey: ProjectionRow?]] = [:]

    mutating func apply(_ write: ProjectionWrite) {
        switch write {
        case .upsert(let table, let row):
            tables[table.name] = table
            rows[table.name, default: [:]][PostgresExactKey(Array(row.prefix(table.keyCount)))] = .some(row)
        case .delete(let table, let key):
            tables[table.name] = table
            rows[table.name, default: [:]][PostgresExactKey(key)] = .some(nil)
        }
    }

    /// The statements that bring tables holding the state before the folded writes to the state after.
    func statements(sql: ProjectionSQL) -> [SQLStatement] {
        tables.keys.sorted().flatMap { name -> [SQLStatement] in
            guard let table = tables[name], let final = rows[name] else { return [] }
            let deletes = final.compactMap { key, row in
                row == nil ? sql.apply(.delete(table, key: key.values)) : nil
            }
            let upserts = PostgresSQL.upsert(final.values.compactMap { $0 }, into: table)
            return deletes + upserts
        }
    }

    /// The inserts that fill emptied tables with the rows the folded writes leave.
    func inserts() -> [SQLStatement] {
        tables.keys.sorted().flatMap { name -> [SQLStatement] in
            guard let table = tables[name], let final = rows[name] else { return [] }
            return PostgresSQL.insert(final.values.compactMap { $0 }, into: table)
        }
    }
}
