/// What a query's cursors are bound to: the principal, the tenant, the model and a digest of the query
/// without its cursor. A cursor signed for one binding is `cursor_invalid` under any other.
public struct CursorBinding: Sendable, Hashable {
    var principalID: String
    var tenant: String?
    var model: String
    var queryDigest: [UInt8]
    /// How many sort-key values a cursor of this query holds.
    var keyCount: Int

    /// The bytes the HMAC covers before the cursor's values, each field length-prefixed.
    var signedPrefix: [UInt8] {
        var bytes: [UInt8] = Array("hangar.cursor.v1".utf8)
        CursorCodec.appendLengthPrefixed(principalID.utf8, to: &bytes)
        if let tenant {
            bytes.append(1)
            CursorCodec.appendLengthPrefixed(tenant.utf8, to: &bytes)
        } else {
            bytes.append(0)
        }
        CursorCodec.appendLengthPrefixed(model.utf8, to: &bytes)
        bytes.append(contentsOf: queryDigest)
        return bytes
    }
}
