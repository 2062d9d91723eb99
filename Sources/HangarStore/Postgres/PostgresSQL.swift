/// The statements only the PostgreSQL adapter runs: the log head and wake-ups, idempotency-key lookups,
/// multi-row inserts and upserts joined into one statement, rebuild paging, and reads in byte order.
/// Everything shared with SQLite comes from ``EventSQL`` and ``ProjectionSQL``.
enum PostgresSQL {
    /// The channel `NOTIFY` wakes other processes on; the payload is `<schema>:<head>`.
    static let channel = "hangar_events"

    /// Taken first by every write transaction: it serialises writers, so seqs are handed out without gaps
    /// and commits become visible in seq order; taking it before any lease or budget row keeps the lock
    /// order the same everywhere, so writers cannot deadlock.
    static let lockHead = "SELECT seq FROM hangar_log_head FOR UPDATE"

    static let selectHead = "SELECT seq FROM hangar_log_head"

    /// Moves the head and tells listeners, in one round trip. `NOTIFY` is delivered at commit.
    static func setHead(_ head: Int64, tag: String) -> SQLStatement {
        SQLStatement(
            sql: """
                WITH moved AS (UPDATE hangar_log_head SET seq = $1 RETURNING seq)
                SELECT pg_notify('\(channel)', $2) FROM moved
                """,
            binds: [.integer(head), .text(notification(tag: tag, head: head))])
    }

    static func notification(tag: String, head: Int64) -> String { "\(tag):\(head)" }

    /// The head a notification carries, when it is for `tag`'s schema (all schemas of a database share
    /// the channel).
    static func head(fromNotification payload: String, tag: String) -> Int64? {
        guard payload.hasPrefix(tag + ":") else { return nil }
        return Int64(payload.dropFirst(tag.utf8.count + 1))
    }

    /// The stored events that hold any of `keys`.
    static func eventsWithKeys(_ keys: [String]) -> SQLStatement {
        let placeholders = (1...max(keys.count, 1)).map { "$\($0)" }.joined(separator: ", ")
        return SQLStatement(
            sql: "SELECT \(EventSQL.columns) FROM \(EventSQL.table) WHERE idempotency_key IN (\(placeholders))",
            binds: keys.map { .text($0) })
    }

    /// Joins writes into as few statements as the limit on bound values allows, as data-modifying common
    /// table expressions (`WITH w0 AS (INSERT …), w1 AS (DELETE …) SELECT 1`): one round trip instead of
    /// one per write. The parts must not touch the same row twice, which folded writes guarantee (distinct
    /// keys per table) and event inserts (new seqs) too.
    static func combine(_ statements: [SQLStatement]) -> [SQLStatement] {
        var groups: [[SQLStatement]] = []
        var bound = 0
        for statement in statements {
            if groups.isEmpty || bound + statement.binds.count > Int(UInt16.max) {
                groups.append([])
                bound = 0
            }
            groups[groups.count - 1].append(statement)
            bound += statement.binds.count
        }
        return groups.map { group in
            guard group.count > 1 else { return group[0] }
            var offset = 0
            var parts: [String] = []
            for (index, statement) in group.enumerated() {
                parts.append("w\(index) AS (\(renumber(statement.sql, by: offset)))")
                offset += statement.binds.count
            }
            return SQLStatement(
                sql: "WITH \(parts.joined(separator: ", ")) SELECT 1", binds: group.flatMap(\.binds))
        }
    }

    /// Shifts every `$n` placeholder by `offset`. Hangar's generated SQL has no other `$`.
    static func renumber(_ sql: String, by offset: Int) -> String {
        guard offset > 0 else { return sql }
        var result = ""
        result.reserveCapacity(sql.utf8.count + 16)
        var digits = ""
        var inPlaceholder = false
        for character in sql {
            if inPlaceholder, character.isASCII, character.isNumber {
                digits.append(character)
                continue
            }
            if inPlaceholder {
                result += "$\((Int(digits) ?? 0) + offset)"
                inPlaceholder = false
                digits = ""
            }
            if character == "$" {
                inPlaceholder = true
            } else {
                result.append(character)
            }
        }
        if inPlaceholder { result += "$\((Int(digits) ?? 0) + offset)" }
        return result
    }

    /// A page of the whole log, for the rebuild.
    static func eventPage(after seq: Int64, limit: Int) -> SQLStatement {
        SQLStatement(
            sql: "SELECT \(EventSQL.columns) FROM \(EventSQL.table) WHERE seq > $1 ORDER BY seq LIMIT $2",
            binds: [.integer(seq), .integer(Int64(limit))])
    }

    /// Every row of a table in key order, text compared byte by byte (`COLLATE "C"`) as SQLite does, so
    /// both adapters digest rows in the same order whatever the database's locale.
    static func selectAllInByteOrder(_ table: ProjectionTable) -> String {
        let columns = table.columns.map(\.name).joined(separator: ", ")
        let order = table.keyColumns.map { $0.kind == .text ? "\($0.name) COLLATE \"C\"" : $0.name }
        return "SELECT \(columns) FROM \(table.name) ORDER BY \(order.joined(separator: ", "))"
    }

    /// Multi-row inserts of projection rows.
    static func insert(_ rows: [ProjectionRow], into table: ProjectionTable) -> [SQLStatement] {
        insert(rows, into: table.name, columns: table.columns.map(\.name))
    }

    /// Multi-row upserts of projection rows with distinct keys, replacing every non-key column of a row
    /// whose key exists, as ``ProjectionSQL/apply(_:)`` does for one row.
    static func upsert(_ rows: [ProjectionRow], into table: ProjectionTable) -> [SQLStatement] {
        let key = table.keyColumns.map(\.name).joined(separator: ", ")
        let updates = table.columns.dropFirst(table.keyCount).map { "\($0.name) = excluded.\($0.name)" }
        let conflict = updates.isEmpty ? "DO NOTHING" : "DO UPDATE SET \(updates.joined(separator: ", "))"
        return insert(rows, into: table).map { statement in
            SQLStatement(sql: statement.sql + " ON CONFLICT (\(key)) \(conflict)", binds: statement.binds)
        }
    }

    static let eventColumns = EventSQL.columns.split(separator: ",").map { String($0.drop(while: { $0 == " " })) }

    /// Multi-row inserts of event rows (bound as by `EventSQL.binds`).
    static func insertEvents(_ rows: [[ProjectionValue]]) -> [SQLStatement] {
        insert(rows, into: EventSQL.table, columns: eventColumns)
    }

    /// Multi-row inserts of `rows`, each under PostgreSQL's limit of 65,535 bound values.
    static func insert(
        _ rows: [[ProjectionValue]], into table: String, columns: [String], rowsPerStatement: Int = 1_000
    ) -> [SQLStatement] {
        let width = columns.count
        let chunk = max(1, min(rowsPerStatement, Int(UInt16.max) / width))
        let names = columns.joined(separator: ", ")
        return stride(from: 0, to: rows.count, by: chunk).map { start in
            let slice = rows[start..<min(start + chunk, rows.count)]
            let tuples = slice.indices.map { index in
                let first = (index - start) * width + 1
                return "(" + (first..<(first + width)).map { "$\($0)" }.joined(separator: ", ") + ")"
            }
            return SQLStatement(
                sql: "INSERT INTO \(table) (\(names)) VALUES \(tuples.joined(separator: ", "))",
                binds: slice.flatMap { $0 })
        }
    }
}
