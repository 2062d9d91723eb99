/// Writes one statement. SQL text can only come in three ways: ``append(_:)`` takes a `StaticString` (a
/// keyword or punctuation written in this module), ``appendIdentifier(_:)`` quotes a canonical name, and
/// ``appendBind(_:)`` writes a placeholder for a value. No agent string can reach the SQL text.
struct SQLBuilder {
    let dialect: SQLDialect
    private(set) var sql: String
    private(set) var binds: [DataValue]
    /// Whether `WHERE` has been written (the next predicate is joined with `AND`).
    private var hasWhere = false

    init(dialect: SQLDialect) {
        self.dialect = dialect
        self.sql = ""
        self.sql.reserveCapacity(256)
        self.binds = []
    }

    mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { sql += String(decoding: $0, as: UTF8.self) }
    }

    /// Appends `"name"`, with every `"` in the name doubled.
    mutating func appendIdentifier(_ name: String) {
        sql += "\""
        if name.utf8.contains(UInt8(ascii: "\"")) {
            for character in name.unicodeScalars {
                if character == "\"" { sql += "\"\"" } else { sql.unicodeScalars.append(character) }
            }
        } else {
            sql += name
        }
        sql += "\""
    }

    mutating func appendIdentifiers(_ names: some Sequence<String>) {
        var first = true
        for name in names {
            if !first { append(", ") }
            first = false
            appendIdentifier(name)
        }
    }

    mutating func appendBind(_ value: DataValue) {
        binds.append(value)
        switch dialect {
        case .sqlite: sql += "?"
        case .postgres:
            sql += "$"
            sql += String(binds.count)
        }
    }

    /// Starts the next predicate of the `WHERE` clause: ` WHERE ` the first time, ` AND ` after.
    mutating func beginPredicate() {
        append(hasWhere ? " AND " : " WHERE ")
        hasWhere = true
    }

    var statement: CompiledStatement { CompiledStatement(sql: sql, binds: binds) }
}
