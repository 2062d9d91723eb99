/// The type of a column as the data tools treat it, from the database's declared type.
public enum ColumnType: String, Sendable, Hashable, Codable {
    case integer
    case real
    case text
    case boolean
    case blob
    /// Dates and times, compared as ISO-8601 text on SQLite and as timestamps on PostgreSQL.
    case timestamp
}
