import Foundation
import HangarCore
import Testing

@Suite("hangar llm mock", .timeLimit(.minutes(1)))
struct CLITests {
    static func write(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("mock-\(ULID()).yaml").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func aBadScriptIsConfigInvalidWithExitCode10() async throws {
        let path = try Self.write("rules:\n  - modle: gpt-mock\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let message =
            "invalid mock script: unknown key 'modle' in $.rules[0] (known keys: contains, cut_after_tokens, delay_ms, "
            + "error, first_token_delay_ms, garbage, model, reply, times, tokens_per_second, usage)"

        let plain = try MockProcess(["llm", "mock", "--script", path])
        #expect(try await plain.exitStatus(within: .seconds(10)) == 10)
        #expect(plain.stdout == "")
        #expect(plain.standardError() == "error: \(message) (config_invalid)\n")

        let json = try MockProcess(["llm", "mock", "--script", path, "--json"])
        #expect(try await json.exitStatus(within: .seconds(10)) == 10)
        let line = try await json.firstLine()
        #expect(line == #"{"ok":false,"error":{"code":"config_invalid","message":"# + "\"\(message)\"}}")
    }

    @Test func servesUntilSIGTERMWhichCutsOpenStreams() async throws {
        let words = (0..<100).map { "w\($0)" }.joined(separator: " ")
        let path = try Self.write(
            "rules:\n  - model: long\n    reply: {content: \"\(words)\"}\n    tokens_per_second: 20\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let mock = try MockProcess(["llm", "mock", "--script", path, "--port", "0", "--json"])
        let envelope = try JSONValue.parse(try await mock.firstLine())
        let port = try #require(envelope["data"]?["port"]?.intValue)
        #expect(
            envelope == [
                "ok": true,
                "data": ["host": "127.0.0.1", "port": .int(port), "url": .string("http://127.0.0.1:\(port)")],
            ])

        let connection = try RawConnection(port: Int(port))
        let body = #"{"model":"long","messages":[{"role":"user","content":"hi"}],"stream":true}"#
        try connection.send(MockClient.request("POST", "/v1/chat/completions", body: body, headers: [:]))
        try await connection.read { String(decoding: $0, as: UTF8.self).contains(#"" w3""#) }
        mock.process.terminate()
        #expect(try await mock.exitStatus(within: .seconds(5)) == 0)
        try await connection.readToEnd(timeout: .seconds(5))
        let response = try RawResponse(connection.received)
        #expect(response.status == 200)
        #expect(!response.complete)
        #expect(!response.text.contains("[DONE]"))
    }
}
