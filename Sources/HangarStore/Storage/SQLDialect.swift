/// The few places where the SQL of the two adapters differs. Everything else (projection tables, upserts,
/// state reads) is generated once from this.
struct SQLDialect: Sendable {
    /// The placeholder for the n-th (1-based) bound value.
    let placeholder: @Sendable (Int) -> String
    let integerType: String
    /// Appended to reads of rows a command is about to change.
    let lockRow: String
    /// Appended to the free-lease read so concurrent claimers pass over each other's rows.
    let lockSkipLocked: String

    static let sqlite = SQLDialect(placeholder: { _ in "?" }, integerType: "INTEGER", lockRow: "", lockSkipLocked: "")
    static let postgres = SQLDialect(
        placeholder: { "$\($0)" }, integerType: "BIGINT", lockRow: " FOR UPDATE",
        lockSkipLocked: " FOR UPDATE SKIP LOCKED")

    func placeholders(_ count: Int, from first: Int = 1) -> String {
        (first..<(first + count)).map(placeholder).joined(separator: ", ")
    }
}

/// A statement with its bound values.
struct SQLStatement: Sendable {
    var sql: String
    var binds: [ProjectionValue]
}
