/// The projection rows a replay of the log ends with, kept in memory so a rebuild writes each final row
/// once, in multi-row inserts, instead of one statement per event.
///
/// Equivalent to running the writes one by one on empty tables: an upsert replaces the whole row with
/// that key (`ON CONFLICT … DO UPDATE` sets every other column) and a delete removes it, so the last
/// write to a key decides its row.
struct PostgresProjectionReplay {
    private var tables: [String: ProjectionTable] = [:]
    private var rows: [String: [ProjectionRow: ProjectionRow]] = [:]

    init(tables: [ProjectionTable]) {
        for table in tables {
            self.tables[table.name] = table
            rows[table.name] = [:]
        }
    }

    mutating func apply(_ write: ProjectionWrite) {
        switch write {
        case .upsert(let table, let row):
            tables[table.name] = table
            rows[table.name, default: [:]][Array(row.prefix(table.keyCount))] = row
        case .delete(let table, let key):
            tables[table.name] = table
            rows[table.name, default: [:]][key] = nil
        }
    }

    /// The inserts that fill emptied tables with the final rows.
    func inserts() -> [SQLStatement] {
        tables.keys.sorted().flatMap { name -> [SQLStatement] in
            guard let table = tables[name], let final = rows[name], !final.isEmpty else { return [] }
            return PostgresSQL.insert(Array(final.values), into: table)
        }
    }
}
