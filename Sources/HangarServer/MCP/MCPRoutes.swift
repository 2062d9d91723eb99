import Foundation
import HTTPTypes
public import HangarTools
public import Hummingbird
import MCP
import NIOCore
import ServiceLifecycle

/// Mounts MCP Streamable HTTP at `path` (POST, GET and DELETE) on `router`, served by `endpoint`.
///
/// `caller` names who a request comes from (the auth layer decides; throwing a `HangarError` such as
/// `unauthorized` refuses the request through the error middleware). A session stays bound to the caller
/// that opened it. The body is read up to ``MCPHTTPConfiguration/maxBodyBytes``; replies that are SSE
/// streams are written as they come. The standalone GET stream ends on graceful shutdown, so an idle client
/// cannot hold the server's drain; POST streams run to their response.
public func addMCPRoutes<Context: Hummingbird.RequestContext>(
    to router: some RouterMethods<Context>,
    path: RouterPath = "/mcp",
    endpoint: MCPHTTPEndpoint,
    caller: @escaping @Sendable (Request, Context) async throws -> ToolCaller
) {
    let handler: @Sendable (Request, Context) async throws -> Response = { request, context in
        let who = try await caller(request, context)
        let mcpRequest = try await MCPHTTPAdapter.mcpRequest(
            from: request,
            maxBodyBytes: endpoint.configuration.maxBodyBytes
        )
        let response = await endpoint.handle(mcpRequest, caller: who)
        return MCPHTTPAdapter.response(from: response, endsOnShutdown: request.method == .get)
    }
    router.on(path, method: .post, use: handler)
    router.on(path, method: .get, use: handler)
    router.on(path, method: .delete, use: handler)
}

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
