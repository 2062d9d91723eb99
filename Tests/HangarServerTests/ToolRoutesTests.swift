import HangarCore
import HangarServer
import HangarStore
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// The registry's tools over REST: listed with their schemas, called with the body as arguments, errors in
/// the envelope with their status, one audit event per call.
@Suite("Tool routes")
struct ToolRoutesTests {
    @Test func toolsAreListedAndCalledOverREST() async throws {
        try await ServerFixture.withApp(mcp: HangarMCP()) { app, storage in
            try await app.test(.router) { client in
                let list = try await client.execute(uri: "/v1/tools", method: .get)
                #expect(list.status == .ok)
                let names = try list.json["tools"]?.arrayValue?.compactMap { $0["name"]?.stringValue }
                #expect(names?.contains("events.read") == true)
                #expect(names?.contains("hangar.info") == true)

                let info = try await client.execute(
                    uri: "/v1/tools/hangar.info", method: .post, body: ByteBuffer(string: "{}"))
                #expect(info.status == .ok)
                #expect(try info.json["version"] != nil)

                let bad = try await client.execute(
                    uri: "/v1/tools/events.read", method: .post, body: ByteBuffer(string: #"{"after":"x"}"#))
                #expect(bad.status == .badRequest)
                #expect(bad.errorCode == "invalid_arguments")

                let unknown = try await client.execute(
                    uri: "/v1/tools/no.such", method: .post, body: ByteBuffer(string: "{}"))
                #expect(unknown.status == .notFound)
                #expect(unknown.errorCode == "unknown_tool")

                let notJSON = try await client.execute(
                    uri: "/v1/tools/hangar.info", method: .post, body: ByteBuffer(string: "{"))
                #expect(notJSON.status == .badRequest)
                #expect(notJSON.errorCode == "invalid_json")
                // The app closes the store when the test client stops, so read the audit here.
                let events = try await storage.read(EventQuery(limit: 100)).filter { $0.kind == "tool.called" }
                #expect(events.map { $0.payload["outcome"] } == ["ok", "invalid_arguments", "unknown_tool"])
            }
        }
    }
}
