internal import Crypto

/// Compiles resolved data requests to SQL for one dialect.
///
/// Every statement is built by ``SQLBuilder``: identifiers are the canonical names of the ``ExposedModel``
/// (double-quoted, `"` doubled), values are binds, and the principal's row scope (tenant, owner, soft delete) is
/// ANDed at the root of every statement that touches existing rows. Keyset cursors are signed with
/// HMAC-SHA256 under `cursorKey` and bound to the principal, tenant, model and query.
public struct DataCompiler: Sendable {
    public let dialect: SQLDialect
    let cursorKey: SymmetricKey

    /// - Parameter cursorKey: the server's secret for signing cursors (at least 32 random bytes).
    public init(dialect: SQLDialect, cursorKey: [UInt8]) {
        self.dialect = dialect
        self.cursorKey = SymmetricKey(data: cursorKey)
    }
}
