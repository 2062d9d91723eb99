public import Logging
import MCP

/// Serves `registry` over MCP on standard input and output until the client closes standard input or the
/// task is cancelled. This is `hangar mcp`. Every call runs as `caller`, by default the local operator with
/// every scope. Standard output carries the protocol: log to standard error.
public func runMCPStdio(registry: ToolRegistry, caller: ToolCaller = .local(), logger: Logger) async throws {
    let server = await MCPToolServer.makeServer(registry: registry, caller: caller)
    try await server.start(transport: StdioTransport(logger: logger))
    logger.info("MCP server listening on stdio", metadata: ["tool.count": "\(registry.list().count)"])
    await withTaskCancellationHandler {
        await server.waitUntilCompleted()
    } onCancel: {
        // Unstructured because `stop()` is actor-isolated and async while this handler is synchronous; the
        // SDK's message loop is itself an unstructured task, so cancelling ours cannot reach it otherwise.
        Task { await server.stop() }
    }
    await server.stop()
}
