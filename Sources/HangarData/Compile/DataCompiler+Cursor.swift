internal import Crypto
import HangarCore

extension DataCompiler {
    /// The cursor for the page after the row whose sort-key values are `values` (read from the result columns
    /// ``CompiledQuery/sortKeyColumns`` of the last row returned): the encoded values sealed with
    /// ChaCha20-Poly1305 under the server's key, with the query's ``CursorBinding`` as authenticated data, in
    /// base64url. Sealed rather than only signed: a sort key may be a column the agent cannot see (the primary
    /// key when it is not exposed, a masked field made sortable), and a cursor must not reveal it.
    public func nextCursor(after values: [DataValue], for query: CompiledQuery) throws -> String {
        guard values.count == query.cursorBinding.keyCount else {
            throw HangarError(.internal, "a cursor needs \(query.cursorBinding.keyCount) sort-key values")
        }
        var payload: [UInt8] = []
        for value in values { CursorCodec.append(value, to: &payload) }
        do {
            let box = try ChaChaPoly.seal(
                payload, using: cursorKey, authenticating: query.cursorBinding.signedPrefix)
            return CursorCodec.base64URL(Array(box.combined))
        } catch {
            throw HangarError(.internal, "the cursor could not be sealed", underlying: error)
        }
    }

    /// The sort-key values of a cursor issued for `binding`; `cursor_invalid` for anything forged, malformed,
    /// or issued for another principal, tenant, model or query (the authenticated data would differ).
    func values(of cursor: String, binding: CursorBinding) throws -> [DataValue] {
        let invalid = HangarError(.cursorInvalid, "the cursor is not valid for this query")
        guard let bytes = CursorCodec.fromBase64URL(cursor),
            let box = try? ChaChaPoly.SealedBox(combined: bytes),
            let payload = try? ChaChaPoly.open(box, using: cursorKey, authenticating: binding.signedPrefix),
            let values = CursorCodec.decode(ArraySlice(payload), count: binding.keyCount)
        else {
            throw invalid
        }
        return values
    }
}
