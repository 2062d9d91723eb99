internal import Crypto
import HangarCore

extension DataCompiler {
    /// The cursor for the page after the row whose sort-key values are `values` (read from the result columns
    /// ``CompiledQuery/sortKeyColumns`` of the last row returned): base64url of the encoded values followed by
    /// their HMAC-SHA256 over the query's ``CursorBinding``.
    public func nextCursor(after values: [DataValue], for query: CompiledQuery) throws -> String {
        guard values.count == query.cursorBinding.keyCount else {
            throw HangarError(.internal, "a cursor needs \(query.cursorBinding.keyCount) sort-key values")
        }
        var payload: [UInt8] = []
        for value in values { CursorCodec.append(value, to: &payload) }
        var message = query.cursorBinding.signedPrefix
        message.append(contentsOf: payload)
        payload.append(contentsOf: HMAC<SHA256>.authenticationCode(for: message, using: cursorKey))
        return CursorCodec.base64URL(payload)
    }

    /// The sort-key values of a cursor issued for `binding`; `cursor_invalid` for anything forged, malformed,
    /// or issued for another principal, tenant, model or query.
    func values(of cursor: String, binding: CursorBinding) throws -> [DataValue] {
        let invalid = HangarError(.cursorInvalid, "the cursor is not valid for this query")
        let macLength = SHA256.byteCount
        guard let bytes = CursorCodec.fromBase64URL(cursor), bytes.count > macLength else { throw invalid }
        let payload = bytes[..<(bytes.count - macLength)]
        var message = binding.signedPrefix
        message.append(contentsOf: payload)
        guard
            HMAC<SHA256>.isValidAuthenticationCode(
                bytes[(bytes.count - macLength)...], authenticating: message, using: cursorKey),
            let values = CursorCodec.decode(payload, count: binding.keyCount)
        else {
            throw invalid
        }
        return values
    }
}
