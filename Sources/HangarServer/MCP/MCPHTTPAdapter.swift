import Foundation
import HTTPTypes
import Hummingbird
import MCP
import NIOCore
import ServiceLifecycle

/// Converts between Hummingbird's requests and responses and the MCP SDK's framework-agnostic ones.
enum MCPHTTPAdapter {
    static func mcpRequest(from request: Request, maxBodyBytes: Int) async throws -> MCP.HTTPRequest {
        var headers: [String: String] = [:]
        for field in request.headers {
            let name = field.name.canonicalName
            headers[name] = headers[name].map { $0 + ", " + field.value } ?? field.value
        }
        // HTTP/1 `Host` arrives as the request's authority, not as a header field; the SDK's DNS-rebinding
        // check reads it from the headers.
        if let authority = request.head.authority { headers["host"] = authority }
        let body: Data?
        if request.method == .post {
            let buffer = try await request.body.collect(upTo: maxBodyBytes)
            body = Data(buffer.readableBytesView)
        } else {
            body = nil
        }
        return MCP.HTTPRequest(method: request.method.rawValue, headers: headers, body: body, path: request.uri.path)
    }

    static func response(from response: MCP.HTTPResponse, endsOnShutdown: Bool) -> Response {
        var fields = HTTPFields()
        for (name, value) in response.headers {
            guard let name = HTTPField.Name(name) else { continue }
            fields[name] = value
        }
        let status = HTTPTypes.HTTPResponse.Status(code: response.statusCode)
        switch response {
        case .stream(let stream, _):
            let body = ResponseBody { writer in
                if endsOnShutdown {
                    for try await chunk in stream.cancelOnGracefulShutdown() {
                        try await writer.write(ByteBuffer(bytes: chunk))
                    }
                } else {
                    for try await chunk in stream { try await writer.write(ByteBuffer(bytes: chunk)) }
                }
                try await writer.finish(nil)
            }
            return Response(status: status, headers: fields, body: body)
        default:
            let body = response.bodyData.map { ResponseBody(byteBuffer: ByteBuffer(bytes: $0)) } ?? ResponseBody()
            return Response(status: status, headers: fields, body: body)
        }
    }
}
