import HangarCore
import HangarMockLLM
import Testing

@Suite("POST /v1/messages (Anthropic)", .timeLimit(.minutes(1)))
struct MessagesTests {
    static let script = """
        rules:
          - model: claude-tools
            reply:
              content: "Let me check."
              tool_calls: [{id: toolu_1, name: get_weather, arguments: {city: Paris}}]
          - model: claude-mock
            contains: "weather"
            reply: {content: "It is sunny."}
            usage: {prompt_tokens: 20, completion_tokens: 3, cached_tokens: 5, cache_creation_tokens: 2}
          - model: claude-busy
            error: {status: 529, message: "Overloaded"}
        """

    @Test func nonStreamingTextAndToolUse() async throws {
        try await MockClient.with(Self.script) { client in
            let response = try await client.post("/v1/messages", MockClient.messages("claude-tools"))
            #expect(response.status == 200)
            let body = try response.json()
            #expect(body["id"]?.stringValue?.hasPrefix("msg_") == true)
            #expect(body["type"] == "message")
            #expect(body["role"] == "assistant")
            #expect(body["model"] == "claude-tools")
            #expect(body["stop_reason"] == "tool_use")
            #expect(body["stop_sequence"] == .null)
            #expect(
                body["content"] == [
                    ["type": "text", "text": "Let me check."],
                    ["type": "tool_use", "id": "toolu_1", "name": "get_weather", "input": ["city": "Paris"]],
                ])
            #expect(body["usage"]?["output_tokens"] == 5)  // 3 words, 2 argument pieces
            #expect(body["usage"]?["cache_read_input_tokens"] == 0)
        }
    }

    @Test func containsMatchesTheTextBlocksOfTheLastUserMessage() async throws {
        try await MockClient.with(Self.script) { client in
            let matching = try await client.post(
                "/v1/messages", MockClient.messages("claude-mock", "How is the weather?"))
            #expect(
                try matching.json()["usage"] == [
                    "input_tokens": 20, "output_tokens": 3, "cache_read_input_tokens": 5,
                    "cache_creation_input_tokens": 2,
                ])
            #expect(try matching.json()["stop_reason"] == "end_turn")
            let other = try await client.post("/v1/messages", MockClient.messages("claude-mock", "Hello"))
            #expect(other.status == 404)
            #expect(
                try other.json() == [
                    "type": "error", "error": ["type": "not_found_error", "message": "model: claude-mock"],
                ])
        }
    }

    @Test func streamingEventsComeInAnthropicsOrder() async throws {
        try await MockClient.with(Self.script) { client in
            let response = try await client.post("/v1/messages", MockClient.messages("claude-tools", stream: true))
            #expect(response.headers["content-type"] == "text/event-stream")
            let frames = SSEFrame.parse(response.text)
            #expect(
                frames.map { $0.event ?? "" } == [
                    "message_start", "content_block_start", "ping", "content_block_delta", "content_block_delta",
                    "content_block_delta", "content_block_stop", "content_block_start", "content_block_delta",
                    "content_block_delta", "content_block_stop", "message_delta", "message_stop",
                ])
            let events = try frames.map { try $0.json() }
            for (frame, event) in zip(frames, events) {
                #expect(event["type"]?.stringValue == frame.event)
            }
            let start = try #require(events.first?["message"])
            #expect(start["content"] == [])
            #expect(start["stop_reason"] == .null)
            #expect(start["usage"]?["output_tokens"] == 1)
            #expect(events[1]["content_block"] == ["type": "text", "text": ""])
            let text = events.compactMap {
                $0["delta"]?["type"] == "text_delta" ? $0["delta"]?["text"]?.stringValue : nil
            }
            #expect(text == ["Let", " me", " check."])
            #expect(events[7]["index"] == 1)
            #expect(
                events[7]["content_block"] == [
                    "type": "tool_use", "id": "toolu_1", "name": "get_weather", "input": [:],
                ])
            let json = events.compactMap {
                $0["delta"]?["type"] == "input_json_delta" ? $0["delta"]?["partial_json"]?.stringValue : nil
            }
            #expect(json.joined() == #"{"city":"Paris"}"#)
            #expect(events[11]["delta"] == ["stop_reason": "tool_use", "stop_sequence": nil])
            #expect(events[11]["usage"] == ["output_tokens": 5])
        }
    }

    @Test func maxTokensIsRequired() async throws {
        try await MockClient.with(Self.script) { client in
            var body = MockClient.messages("claude-tools").objectValue ?? [:]
            body["max_tokens"] = nil
            let response = try await client.post("/v1/messages", .object(body))
            #expect(response.status == 400)
            #expect(
                try response.json() == [
                    "type": "error",
                    "error": [
                        "type": "invalid_request_error", "message": "max_tokens: Field required (a positive integer)",
                    ],
                ])
        }
    }

    @Test func scriptedErrorsUseAnthropicsShape() async throws {
        try await MockClient.with(Self.script) { client in
            let response = try await client.post("/v1/messages", MockClient.messages("claude-busy"))
            #expect(response.status == 529)
            #expect(response.headers["retry-after"] == nil)
            #expect(
                try response.json() == [
                    "type": "error", "error": ["type": "overloaded_error", "message": "Overloaded"],
                ])
        }
    }
}
