import Foundation
public import HangarCore
public import Hummingbird
import NIOCore

extension Request {
    /// Reads the body as JSON within `limits`: more than `maxBytes` is `payload_too_large` (413), nesting past
    /// `maxDepth` or anything that is not JSON is `invalid_json` (400). The body is never read past the limit.
    public func jsonBody(limits: JSONLimits = .default) async throws -> JSONValue {
        let buffer: ByteBuffer
        do {
            buffer = try await body.collect(upTo: limits.maxBytes)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw HangarError(
                .payloadTooLarge, "the JSON body is larger than \(limits.maxBytes) bytes", underlying: error)
        }
        return try JSONValue.parse(Data(buffer.readableBytesView), limits: limits)
    }
}
