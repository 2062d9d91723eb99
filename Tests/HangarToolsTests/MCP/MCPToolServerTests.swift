import Foundation
import HangarCore
import HangarStore
import HangarTesting
import HangarTools
import MCP
import Testing

@Suite("MCP tool server (in memory)")
struct MCPToolServerTests {
    /// Connects an SDK client to a server for `registry` over an in-memory transport pair.
    static func withClient<T>(
        registry: ToolRegistry,
        caller: ToolCaller = .local(),
        _ body: (Client) async throws -> T
    ) async throws -> T {
        let (clientTransport, serverTransport) = await InMemoryTransport.createConnectedPair()
        let server = await MCPToolServer.makeServer(registry: registry, caller: caller)
        try await server.start(transport: serverTransport)
        let client = Client(name: "hangar-test", version: "1")
        do {
            try await client.connect(transport: clientTransport)
            let result = try await body(client)
            await client.disconnect()
            await server.stop()
            return result
        } catch {
            await client.disconnect()
            await server.stop()
            throw error
        }
    }

    static func call(_ client: Client, _ name: String, _ arguments: [String: Value]) async throws -> CallTool.Result {
        let context: RequestContext<CallTool.Result> = try await client.callTool(name: name, arguments: arguments)
        return try await context.value
    }

    @Test func listsTheRegistryWithBothSchemas() async throws {
        try await ToolsHarness.withRegistry { registry, _ in
            try registry.registerBuiltIns()
            try await Self.withClient(registry: registry) { client in
                let tools = try await client.listTools().tools
                #expect(tools.map(\.name) == ["events.read", "hangar.info"])
                let eventsRead = try #require(tools.first)
                #expect(JSONValue(mcp: eventsRead.inputSchema) == EventsReadTool.definition.inputSchema)
                #expect(eventsRead.outputSchema.map(JSONValue.init(mcp:)) == EventsReadTool.definition.outputSchema)
                #expect(eventsRead.description == EventsReadTool.definition.description)
            }
        }
    }

    @Test func aCallReturnsStructuredContentAndTheSameJSONAsText() async throws {
        try await ToolsHarness.withRegistry { registry, storage in
            try registry.registerBuiltIns()
            try await Self.withClient(registry: registry, caller: ToolCaller(actor: "mcp-client", scopes: [])) {
                client in
                let result = try await Self.call(client, "hangar.info", [:])
                #expect(result.isError != true)
                let structured = try #require(result.structuredContent)
                #expect(JSONValue(mcp: structured)["storage_backend"] == "sqlite")
                guard case .text(let text, _, _) = try #require(result.content.first) else {
                    Issue.record("expected text content")
                    return
                }
                #expect(try JSONValue.parse(text) == JSONValue(mcp: structured))
            }
            let events = try await storage.read(EventQuery())
            #expect(events.map(\.actor) == ["mcp-client"])
        }
    }

    @Test func badArgumentsAreAToolErrorNamingThePointer() async throws {
        try await ToolsHarness.withRegistry { registry, storage in
            try registry.registerBuiltIns()
            try await Self.withClient(registry: registry) { client in
                let result = try await Self.call(client, "events.read", ["limit": 5000])
                #expect(result.isError == true)
                guard case .text(let text, _, _) = try #require(result.content.first) else {
                    Issue.record("expected text content")
                    return
                }
                #expect(text == "invalid_arguments: /limit: must be <= 1000")
                let error = try #require(result.structuredContent.map(JSONValue.init(mcp:))?["error"])
                #expect(
                    error == [
                        "code": "invalid_arguments", "message": "/limit: must be <= 1000", "pointer": "/limit",
                        "keyword": "maximum",
                    ]
                )
            }
            let events = try await storage.read(EventQuery())
            #expect(events.map { $0.payload["outcome"] } == ["invalid_arguments"])
        }
    }

    @Test func aForbiddenCallIsAToolError() async throws {
        try await ToolsHarness.withRegistry { registry, _ in
            try registry.registerBuiltIns()
            try await Self.withClient(registry: registry, caller: ToolCaller(actor: "nobody", scopes: [])) { client in
                let result = try await Self.call(client, "events.read", [:])
                #expect(result.isError == true)
                #expect(result.structuredContent.map(JSONValue.init(mcp:))?["error"]?["code"] == "forbidden")
            }
        }
    }

    @Test func anUnknownToolIsAnInvalidParamsProtocolError() async throws {
        try await ToolsHarness.withRegistry { registry, storage in
            try registry.registerBuiltIns()
            try await Self.withClient(registry: registry) { client in
                do {
                    _ = try await Self.call(client, "no.such", [:])
                    Issue.record("expected a JSON-RPC error")
                } catch let error as MCPError {
                    #expect(error.code == -32602)
                    #expect(error.errorDescription?.contains("unknown_tool") == true)
                }
            }
            let events = try await storage.read(EventQuery())
            #expect(events.map { $0.payload["outcome"] } == ["unknown_tool"])
        }
    }
}
