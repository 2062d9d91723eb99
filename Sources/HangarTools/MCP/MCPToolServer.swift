import HangarCore
public import MCP

/// Serves a ``ToolRegistry`` over MCP: `tools/list` and `tools/call`, on any transport (stdio, Streamable
/// HTTP, in-memory).
///
/// How errors reach the client, following the MCP specification (2025-11-25, "Error Handling"), which
/// separates protocol errors from tool execution errors:
/// - a call naming no registered tool is a protocol error: JSON-RPC `-32602` (invalid params), as the
///   specification's own example and the reference SDKs do; the message starts with `unknown_tool`.
/// - every other failure of a call to a known tool is a tool result with `isError: true`, so the model sees
///   it and can correct itself. That includes bad arguments: since SEP-1303 (spec 2025-11-25) input
///   validation errors are tool execution errors, not `-32602`, and the TypeScript, Go and C# SDKs answer
///   them so (older servers answered `-32602`; clients handle both). The text content
///   is `<code>: <message>` (`invalid_arguments: /limit: must be <= 1000`) and `structuredContent` is
///   `{"error": {"code", "message", "pointer"?, "keyword"?}}`.
/// - a successful call returns the result twice, as the spec recommends for structured output: as
///   `structuredContent` and as one text content holding the same JSON.
public enum MCPToolServer {
    /// The `_meta` key under which a priced tool publishes its price in `tools/list`.
    public static let priceMetaKey = "hangar/price"

    /// A server whose tool calls run as `caller`. Call `start(transport:)` on it.
    public static func makeServer(registry: ToolRegistry, caller: ToolCaller) async -> Server {
        let server = Server(
            name: "hangar",
            version: HangarVersion.current,
            title: "Hangar",
            capabilities: .init(tools: .init(listChanged: false))
        )
        await server.withMethodHandler(ListTools.self) { _ in
            ListTools.Result(tools: registry.list().map(tool(for:)))
        }
        await server.withMethodHandler(CallTool.self) { params in
            try await call(registry: registry, caller: caller, params: params)
        }
        return server
    }

    static func tool(for definition: ToolDefinition) -> Tool {
        var meta: Metadata?
        if let price = definition.price {
            let value: Value = [
                "units": .int(Int(price.units)), "currency": .string(price.currency.code),
                "decimals": .int(price.currency.decimals),
            ]
            meta = Metadata(additionalFields: [priceMetaKey: value])
        }
        return Tool(
            name: definition.name,
            description: definition.description,
            inputSchema: definition.inputSchema.mcpValue,
            outputSchema: definition.outputSchema?.mcpValue,
            _meta: meta
        )
    }

    static func call(registry: ToolRegistry, caller: ToolCaller, params: CallTool.Parameters) async throws
        -> CallTool.Result
    {
        let arguments = JSONValue.object((params.arguments ?? [:]).mapValues(JSONValue.init(mcp:)))
        do {
            let result = try await registry.call(params.name, arguments: arguments, caller: caller)
            return CallTool.Result(
                content: [.text(text: result.canonicalString(), annotations: nil, _meta: nil)],
                structuredContent: Optional.some(result.mcpValue),
                isError: false
            )
        } catch let error as HangarError {
            if error.code == .unknownTool {
                throw MCPError.invalidParams("\(error.code.rawValue): \(error.message)")
            }
            return errorResult(error)
        }
    }

    static func errorResult(_ error: HangarError) -> CallTool.Result {
        var details = error.details.mapValues(\.mcpValue)
        details["code"] = .string(error.code.rawValue)
        details["message"] = .string(error.message)
        if let violation = error.schemaViolation {
            details["pointer"] = .string(violation.pointer)
            details["keyword"] = .string(violation.keyword)
        }
        return CallTool.Result(
            content: [.text(text: "\(error.code.rawValue): \(error.message)", annotations: nil, _meta: nil)],
            structuredContent: Optional<Value>.some(.object(["error": .object(details)])),
            isError: true
        )
    }
}
