import Foundation
import HangarCore
import Hummingbird

extension Response {
    /// A JSON response with the shared encoder (sorted keys, one line).
    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let data: Data
        do {
            data = try JSONEncoder.hangar.encode(value)
        } catch {
            throw HangarError(.internal, "the response cannot be encoded", underlying: error)
        }
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
