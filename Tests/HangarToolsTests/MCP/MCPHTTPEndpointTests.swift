import Foundation
import HangarCore
import HangarStore
import HangarTesting
import HangarTools
import MCP
import Testing

@Suite("MCP Streamable HTTP endpoint")
struct MCPHTTPEndpointTests {
    static let caller = ToolCaller(actor: "http-client", scopes: [ToolCaller.allScopes])
    static let protocolVersion = "2025-06-18"

    static func post(_ body: JSONValue, session: String? = nil, host: String = "127.0.0.1:8080") -> HTTPRequest {
        var headers = [
            "Accept": "application/json, text/event-stream", "Content-Type": "application/json", "Host": host,
        ]
        if let session {
            headers[HTTPHeaderName.sessionID] = session
            headers[HTTPHeaderName.protocolVersion] = protocolVersion
        }
        return HTTPRequest(method: "POST", headers: headers, body: body.canonicalData(), path: "/mcp")
    }

    static let initialize: JSONValue = [
        "jsonrpc": "2.0", "id": 1, "method": "initialize",
        "params": [
            "protocolVersion": .string(protocolVersion), "capabilities": [:],
            "clientInfo": ["name": "test", "version": "1"],
        ],
    ]

    /// The JSON-RPC messages of an SSE reply, read until the transport closes the stream.
    static func messages(of response: HTTPResponse) async throws -> [JSONValue] {
        guard case .stream(let stream, _) = response else {
            Issue.record("expected an SSE stream, got status \(response.statusCode)")
            return []
        }
        var text = ""
        for try await chunk in stream { text += String(decoding: chunk, as: UTF8.self) }
        return try text.split(separator: "\n")
            .filter { $0.hasPrefix("data: ") && $0.count > 6 }  // the priming event has empty data
            .map { try JSONValue.parse(String($0.dropFirst(6))) }
    }

    /// Opens a session; returns its id.
    static func open(_ endpoint: MCPHTTPEndpoint) async throws -> String {
        let response = await endpoint.handle(post(initialize), caller: caller)
        let session = try #require(response.headers[HTTPHeaderName.sessionID])
        let replies = try await messages(of: response)
        #expect(replies.first?["result"]?["serverInfo"]?["name"] == "hangar")
        let initialized: JSONValue = ["jsonrpc": "2.0", "method": "notifications/initialized"]
        let accepted = await endpoint.handle(post(initialized, session: session), caller: caller)
        #expect(accepted.statusCode == 202)
        return session
    }

    static func withEndpoint<T>(
        _ configuration: MCPHTTPConfiguration = .init(),
        _ body: (MCPHTTPEndpoint, any HangarStorage) async throws -> T
    ) async throws -> T {
        try await ToolsHarness.withRegistry { registry, storage in
            try registry.registerBuiltIns()
            let endpoint = MCPHTTPEndpoint(
                registry: registry,
                configuration: configuration,
                logger: ToolsHarness.logger
            )
            let result = try await body(endpoint, storage)
            await endpoint.closeAllSessions()
            return result
        }
    }

    @Test func aSessionServesToolCallsOverSSEUntilDeleted() async throws {
        try await Self.withEndpoint { endpoint, storage in
            let session = try await Self.open(endpoint)
            #expect(await endpoint.sessionCount == 1)

            let call: JSONValue = [
                "jsonrpc": "2.0", "id": 2, "method": "tools/call",
                "params": ["name": "hangar.info", "arguments": [:]],
            ]
            let replies = try await Self.messages(
                of: await endpoint.handle(Self.post(call, session: session), caller: Self.caller)
            )
            let result = try #require(replies.first?["result"])
            #expect(result["structuredContent"]?["version"] == .string(HangarVersion.current))
            #expect(result["isError"] == false)

            let bad: JSONValue = [
                "jsonrpc": "2.0", "id": 3, "method": "tools/call",
                "params": ["name": "events.read", "arguments": ["limit": 0]],
            ]
            let badReplies = try await Self.messages(
                of: await endpoint.handle(Self.post(bad, session: session), caller: Self.caller)
            )
            #expect(badReplies.first?["result"]?["isError"] == true)
            #expect(badReplies.first?["result"]?["structuredContent"]?["error"]?["pointer"] == "/limit")

            let delete = HTTPRequest(
                method: "DELETE",
                headers: [HTTPHeaderName.sessionID: session, "Host": "localhost:8080"],
                path: "/mcp"
            )
            #expect(await endpoint.handle(delete, caller: Self.caller).statusCode == 200)
            #expect(await endpoint.sessionCount == 0)
            let after = await endpoint.handle(Self.post(call, session: session), caller: Self.caller)
            #expect(after.statusCode == 404)

            let events = try await storage.read(EventQuery())
            #expect(events.map { $0.payload["outcome"] } == ["ok", "invalid_arguments"])
            #expect(events.map(\.actor) == ["http-client", "http-client"])
        }
    }

    @Test func aSessionBelongsToTheCallerThatOpenedIt() async throws {
        try await Self.withEndpoint { endpoint, _ in
            let session = try await Self.open(endpoint)
            let ping: JSONValue = ["jsonrpc": "2.0", "id": 9, "method": "ping"]
            let other = ToolCaller(actor: "someone-else", scopes: [ToolCaller.allScopes])
            #expect(await endpoint.handle(Self.post(ping, session: session), caller: other).statusCode == 403)
            let replies = try await Self.messages(
                of: await endpoint.handle(Self.post(ping, session: session), caller: Self.caller)
            )
            #expect(replies.first?["id"] == 9)
        }
    }

    @Test func idleSessionsAreClosed() async throws {
        try await Self.withEndpoint(MCPHTTPConfiguration(idleTimeout: .seconds(60))) { endpoint, _ in
            let session = try await Self.open(endpoint)
            #expect(await endpoint.sweepIdleSessions(now: .now + .seconds(30)) == 0)
            #expect(await endpoint.sweepIdleSessions(now: .now + .seconds(61)) == 1)
            #expect(await endpoint.sessionCount == 0)
            let ping: JSONValue = ["jsonrpc": "2.0", "id": 9, "method": "ping"]
            #expect(await endpoint.handle(Self.post(ping, session: session), caller: Self.caller).statusCode == 404)
        }
    }

    @Test func sessionsPastTheLimitAreRefused() async throws {
        try await Self.withEndpoint(MCPHTTPConfiguration(maxSessions: 1)) { endpoint, _ in
            _ = try await Self.open(endpoint)
            #expect(await endpoint.handle(Self.post(Self.initialize), caller: Self.caller).statusCode == 503)
        }
    }

    @Test func requestsWithoutASessionOrFromAForeignHostAreRefused() async throws {
        try await Self.withEndpoint { endpoint, _ in
            let ping: JSONValue = ["jsonrpc": "2.0", "id": 9, "method": "ping"]
            #expect(await endpoint.handle(Self.post(ping), caller: Self.caller).statusCode == 400)
            let rebinding = await endpoint.handle(
                Self.post(Self.initialize, host: "evil.example:80"),
                caller: Self.caller
            )
            #expect(rebinding.statusCode == 421)
            #expect(await endpoint.sessionCount == 0)
        }
    }
}
