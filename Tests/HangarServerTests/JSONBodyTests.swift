import HangarCore
import HangarServer
import Hummingbird
import HummingbirdTesting
import Testing

/// The server has no POST route of its own yet (`/mcp` comes with the MCP handler), so the body limit helper is
/// tested on a route of this test's own, behind the real error middleware and request context.
@Suite("JSON request bodies")
struct JSONBodyTests {
    static func app() -> some ApplicationProtocol {
        let router = Router(context: HangarRequestContext.self)
        router.add(middleware: ErrorMiddleware())
        router.post("/echo") { request, _ in
            let value = try await request.jsonBody()
            return value.canonicalString()
        }
        return Application(router: router)
    }

    @Test func acceptsJSONWithinTheLimits() async throws {
        try await Self.app().test(.router) { client in
            let response = try await client.execute(
                uri: "/echo", method: .post, body: ByteBuffer(string: #"{"b":[1,2,{"c":null}],"a":"x"}"#))
            #expect(response.status == .ok)
            #expect(response.text == #"{"a":"x","b":[1,2,{"c":null}]}"#)
        }
    }

    @Test func oversizedBodyIs413() async throws {
        let body = "[" + String(repeating: "1,", count: JSONLimits.default.maxBytes / 2) + "1]"
        try await Self.app().test(.router) { client in
            let response = try await client.execute(uri: "/echo", method: .post, body: ByteBuffer(string: body))
            #expect(response.status == .contentTooLarge)
            #expect(response.errorCode == "payload_too_large")
        }
    }

    @Test func oversizedBodyIs413OnTheWire() async throws {
        let body = String(repeating: " ", count: JSONLimits.default.maxBytes + 1)
        try await Self.app().test(.live) { client in
            let response = try await client.execute(uri: "/echo", method: .post, body: ByteBuffer(string: body))
            #expect(response.status == .contentTooLarge)
            #expect(response.errorCode == "payload_too_large")
        }
    }

    @Test(arguments: [
        String(repeating: "[", count: 100) + String(repeating: "]", count: 100),
        String(repeating: #"{"a":"#, count: 65) + "1" + String(repeating: "}", count: 65),
        "{",
        "not json",
        "",
    ])
    func nestedOrBrokenJSONIs400(body: String) async throws {
        try await Self.app().test(.router) { client in
            let response = try await client.execute(uri: "/echo", method: .post, body: ByteBuffer(string: body))
            #expect(response.status == .badRequest)
            #expect(response.errorCode == "invalid_json")
        }
    }
}
