import Foundation
import HangarCore
import HangarMockLLM
import Testing

@Suite("Streams: pacing, scripted cuts, and clients that go away", .timeLimit(.minutes(1)))
struct StreamLifecycleTests {
    /// 200 words at 10 tokens per second: a 20-second stream.
    static let long = (0..<200).map { "w\($0)" }.joined(separator: " ")

    static let script = """
        rules:
          - model: cut
            reply: {content: "one two three four five six seven"}
            cut_after_tokens: 3
          - model: paced
            reply: {content: "a b c d e f g h i j"}
            tokens_per_second: 10
            first_token_delay_ms: 500
          - model: long
            reply: {content: "\(long)"}
            tokens_per_second: 10
          - model: hanging
            delay_ms: 20000
        """

    static func epochMilliseconds() -> Int64 { Int64(Date().timeIntervalSince1970 * 1000) }

    /// Polls the recorder until the request `seq` is no longer pending.
    static func finished(_ recorder: MockRecorder, seq: Int, within timeout: Duration) async throws -> MockRequestRecord
    {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let record = await recorder.request(seq: seq), record.outcome != .pending { return record }
            try await Task.sleep(for: .milliseconds(5))
        }
        return try #require(await recorder.request(seq: seq))
    }

    @Test func aScriptedCutClosesTheConnectionAfterNTokens() async throws {
        try await MockClient.with(Self.script) { client in
            let response = try await client.post("/v1/chat/completions", MockClient.chat("cut", stream: true))
            #expect(response.status == 200)
            #expect(!response.complete)
            let frames = SSEFrame.parse(response.text)
            #expect(!frames.contains { $0.data == "[DONE]" })
            let words = try frames.map { try $0.json()["choices"]?[0]?["delta"]?["content"]?.stringValue ?? "" }
            #expect(words == ["", "one", " two", " three"])
            let record = try await Self.finished(client.handle.recorder, seq: 1, within: .seconds(2))
            #expect(record.outcome == .cut)
            #expect(record.tokensSent == 3)

            let anthropic = try await client.post("/v1/messages", MockClient.messages("cut", stream: true))
            let events = SSEFrame.parse(anthropic.text).compactMap(\.event)
            #expect(
                events == ["message_start", "content_block_start", "ping"]
                    + Array(repeating: "content_block_delta", count: 3))
        }
    }

    @Test func tokensArePacedAndWrittenAsTheyAreProduced() async throws {
        try await MockClient.with(Self.script) { client in
            let connection = try RawConnection(port: client.handle.port)
            let request = MockClient.chat("paced", stream: true).canonicalString()
            try connection.send(MockClient.request("POST", "/v1/chat/completions", body: request, headers: [:]))
            let started = ContinuousClock.now
            // The role chunk arrives with the headers, on its own: the first token waits for its delay.
            try await connection.read { String(decoding: $0, as: UTF8.self).contains("\"role\":\"assistant\"") }
            #expect(!connection.text.contains("\"content\":\"a\""))
            try await connection.read { String(decoding: $0, as: UTF8.self).contains("\"content\":\"a\"") }
            #expect(ContinuousClock.now - started >= .milliseconds(500))
            #expect(!connection.text.contains("\"content\":\" b\""))
            try await connection.read { RawResponse.isComplete($0) }
            // 500 ms, then 9 more tokens 100 ms apart.
            #expect(ContinuousClock.now - started >= .milliseconds(1_400))
            let record = try await Self.finished(client.handle.recorder, seq: 1, within: .seconds(2))
            #expect(record.outcome == .completed)
            #expect(record.tokensSent == 10)
        }
    }

    @Test("a client that disconnects mid-stream is recorded as client_closed at once")
    func clientDisconnectIsNoticedPromptly() async throws {
        try await MockClient.with(Self.script) { client in
            let connection = try RawConnection(port: client.handle.port)
            let request = MockClient.chat("long", stream: true).canonicalString()
            try connection.send(MockClient.request("POST", "/v1/chat/completions", body: request, headers: [:]))
            try await connection.read(timeout: .seconds(2))
            // Close just after the next token arrived, with nothing unread: the kernel sends a FIN, not a reset.
            // The mock's next write is 100 ms away, and even that one still succeeds, so recording the close
            // within 50 ms takes the inbound close, not a failed write.
            let before = connection.received.count
            try await connection.read { $0.count > before && $0.suffix(4).elementsEqual("\n\n\r\n".utf8) }
            let seen = SSEFrame.parse(connection.text).count
            #expect(seen >= 1, "some of a 10 token/s stream arrived, got \(seen) frames")
            connection.close()
            let closedAt = Self.epochMilliseconds()
            let record = try await Self.finished(client.handle.recorder, seq: 1, within: .seconds(3))
            #expect(record.outcome == .clientClosed)
            let finished = try #require(record.finishedMilliseconds)
            let latency = finished - closedAt
            print("mock LLM: client disconnect recorded \(latency) ms after close(), after \(record.tokensSent) tokens")
            // Typically 0-1 ms; the bound is the gateway's 1 s promise, so a loaded machine does not flake it.
            #expect(latency < 1_000, "recorded \(latency) ms after the client closed")
            #expect(record.tokensSent >= 1 && record.tokensSent < 200)
        }
    }

    @Test("a client that gives up during delay_ms is recorded as client_closed at once")
    func clientDisconnectDuringDelay() async throws {
        try await MockClient.with(Self.script) { client in
            let connection = try RawConnection(port: client.handle.port)
            let request = MockClient.chat("hanging").canonicalString()
            try connection.send(MockClient.request("POST", "/v1/chat/completions", body: request, headers: [:]))
            try await connection.read(timeout: .milliseconds(300))
            #expect(connection.received.isEmpty)
            connection.close()
            let closedAt = Self.epochMilliseconds()
            let record = try await Self.finished(client.handle.recorder, seq: 1, within: .seconds(3))
            #expect(record.outcome == .clientClosed)
            let latency = try #require(record.finishedMilliseconds) - closedAt
            #expect(latency < 1_000, "recorded \(latency) ms after the client closed")
        }
    }
}
