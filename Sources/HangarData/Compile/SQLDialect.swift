/// The SQL dialect a ``DataCompiler`` writes. The dialects differ only in bind placeholders: `?` for SQLite,
/// `$1`, `$2`, … for PostgreSQL.
public enum SQLDialect: String, Sendable, Hashable, CaseIterable {
    case sqlite
    case postgres
}
