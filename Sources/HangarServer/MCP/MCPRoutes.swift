public import HangarTools
public import Hummingbird
import MCP

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
