internal import Crypto

/// Compiles resolved data requests to SQL for one dialect.
///
/// Every statement is built by ``SQLBuilder``: identifiers are the canonical names of the ``ExposedModel``
/// (double-quoted, `"` doubled), values are binds, and the principal's row scope (tenant, owner, soft delete) is
/// ANDed at the root of every statement that touches existing rows. Keyset cursors are sealed with
/// ChaCha20-Poly1305 under a key derived from `cursorKey` and bound to the principal, tenant, model and query.
public struct DataCompiler: Sendable {
    public let dialect: SQLDialect
    /// The 256-bit ChaCha20-Poly1305 key: SHA-256 of the configured secret, whatever its length.
    let cursorKey: SymmetricKey

    /// - Parameter cursorKey: the server's secret for sealing cursors (at least 32 random bytes).
    public init(dialect: SQLDialect, cursorKey: [UInt8]) {
        self.dialect = dialect
        self.cursorKey = SymmetricKey(data: SHA256.hash(data: cursorKey))
    }
}
