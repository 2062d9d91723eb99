import HangarCore
import HangarGateway
import Testing

extension TranslateTests {
    /// An Anthropic stream served to an OpenAI client.
    @Suite("Anthropic stream → OpenAI")
    struct AnthropicToOpenAIStreamTests {
        /// Thinking, text in two deltas, then two tool calls whose arguments arrive in fragments.
        static func toolCallStream() throws -> [SSEMessage] {
            try [
                #"{"type": "message_start", "message": {"id": "msg_01AB", "type": "message", "role": "assistant", "model": "claude-x", "content": [], "stop_reason": null, "stop_sequence": null, "usage": {"input_tokens": 100, "cache_read_input_tokens": 300, "cache_creation_input_tokens": 0, "output_tokens": 1}}}"#,
                #"{"type": "ping"}"#,
                #"{"type": "content_block_start", "index": 0, "content_block": {"type": "thinking", "thinking": ""}}"#,
                #"{"type": "content_block_delta", "index": 0, "delta": {"type": "thinking_delta", "thinking": "hmm"}}"#,
                #"{"type": "content_block_stop", "index": 0}"#,
                #"{"type": "content_block_start", "index": 1, "content_block": {"type": "text", "text": ""}}"#,
                #"{"type": "content_block_delta", "index": 1, "delta": {"type": "text_delta", "text": "Let me "}}"#,
                #"{"type": "content_block_delta", "index": 1, "delta": {"type": "text_delta", "text": "check."}}"#,
                #"{"type": "content_block_stop", "index": 1}"#,
                #"{"type": "content_block_start", "index": 2, "content_block": {"type": "tool_use", "id": "toolu_1", "name": "weather", "input": {}}}"#,
                #"{"type": "content_block_delta", "index": 2, "delta": {"type": "input_json_delta", "partial_json": ""}}"#,
                #"{"type": "content_block_delta", "index": 2, "delta": {"type": "input_json_delta", "partial_json": "{\"city\":"}}"#,
                #"{"type": "content_block_delta", "index": 2, "delta": {"type": "input_json_delta", "partial_json": "\"Paris\"}"}}"#,
                #"{"type": "content_block_stop", "index": 2}"#,
                #"{"type": "content_block_start", "index": 3, "content_block": {"type": "tool_use", "id": "toolu_2", "name": "weather", "input": {}}}"#,
                #"{"type": "content_block_delta", "index": 3, "delta": {"type": "input_json_delta", "partial_json": "{\"city\":\"Rome\"}"}}"#,
                #"{"type": "content_block_stop", "index": 3}"#,
                #"{"type": "message_delta", "delta": {"stop_reason": "tool_use", "stop_sequence": null}, "usage": {"output_tokens": 20}}"#,
                #"{"type": "message_stop"}"#,
            ].map(anthropicEvent)
        }

        /// The same answer as one message.
        static let toolCallMessage = #"""
            {"id": "msg_01AB", "type": "message", "role": "assistant", "model": "claude-x", "stop_reason": "tool_use",
             "stop_sequence": null, "content": [{"type": "text", "text": "Let me check."},
               {"type": "tool_use", "id": "toolu_1", "name": "weather", "input": {"city": "Paris"}},
               {"type": "tool_use", "id": "toolu_2", "name": "weather", "input": {"city": "Rome"}}],
             "usage": {"input_tokens": 100, "output_tokens": 20, "cache_read_input_tokens": 300, "cache_creation_input_tokens": 0}}
            """#

        @Test func toolCallStreamReassemblesToTheNonStreamingTranslation() throws {
            var stream = AnthropicToOpenAIStream(model: "claude-x", includeUsage: true, created: 1_700_000_000)
            let events = try translateAll(try Self.toolCallStream(), with: &stream)
            let assembled = try OpenAIStreamAssembler(events)
            #expect(assembled.sawDone)
            let expected = try WireTranslation.openAIResponse(
                fromAnthropic: try json(Self.toolCallMessage), created: 1_700_000_000)
            #expect(assembled.completion == expected)
            #expect(stream.usage == TokenUsage(inputTokens: 400, outputTokens: 20, cachedInputTokens: 300))
            #expect(stream.finishReason == "tool_calls")

            // The first chunk carries the role, the usage chunk has no choices, `[DONE]` ends it.
            let first = try JSONValue.parse(try #require(events.first).data)
            #expect(first["choices"]?.arrayValue?.first?["delta"] == ["role": "assistant", "content": ""])
            #expect(first["usage"] == .null)
            let usageChunk = try JSONValue.parse(events[events.count - 2].data)
            #expect(usageChunk["choices"] == [])
            #expect(usageChunk["usage"]?["prompt_tokens"] == 400)
            #expect(events.last == .done)
        }

        @Test func withoutIncludeUsageThereIsNoUsageChunk() throws {
            var stream = AnthropicToOpenAIStream(model: "m", includeUsage: false, created: 0)
            let events = try translateAll(try Self.toolCallStream(), with: &stream)
            #expect(events.last == .done)
            for event in events.dropLast() {
                let chunk = try JSONValue.parse(event.data)
                #expect(chunk["usage"] == nil)
                #expect(chunk["choices"]?.arrayValue?.count == 1)
            }
            // Usage is still counted for billing.
            #expect(stream.usage.outputTokens == 20)
        }

        @Test func anUpstreamErrorBecomesAnErrorChunkAndEndsTheStream() throws {
            var stream = AnthropicToOpenAIStream(model: "m", includeUsage: true, created: 0)
            let events =
                try Self.toolCallStream().prefix(7)
                + [
                    try anthropicEvent(
                        #"{"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}}"#)
                ]
            let out = try translateAll(Array(events), with: &stream)
            #expect(
                try JSONValue.parse(try #require(out.last).data)
                    == (try json(#"{"error": {"message": "Overloaded", "type": "overloaded_error", "code": null}}"#)))
            #expect(!out.contains(.done))
            #expect(stream.upstreamError == "overloaded_error: Overloaded")
            #expect(stream.isFinished)
            #expect(try stream.translate(try anthropicEvent(#"{"type": "message_stop"}"#)) == [])
        }

        @Test func aCutStreamEndsWithAnErrorAndKeepsItsUsage() throws {
            var stream = AnthropicToOpenAIStream(model: "m", includeUsage: true, created: 0)
            let out = try translateAll(Array(try Self.toolCallStream().prefix(8)), with: &stream)
            let last = try JSONValue.parse(try #require(out.last).data)
            #expect(last["error"]?["message"] == "the upstream stream ended before the answer was complete")
            #expect(!out.contains(.done))
            #expect(stream.usage == TokenUsage(inputTokens: 400, outputTokens: 1, cachedInputTokens: 300))
        }

        @Test func aStreamThatStoppedButLostMessageStopStillEndsWithDone() throws {
            var stream = AnthropicToOpenAIStream(model: "m", includeUsage: false, created: 0)
            let events = try Self.toolCallStream()
            let out = try translateAll(Array(events.dropLast()), with: &stream)
            #expect(out.last == .done)
        }

        @Test(arguments: [
            ("not json", "an upstream event is not a JSON object"),
            (
                #"{"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": "x"}}"#,
                "content_block_delta came before message_start"
            ),
            (#"{"type": "message_start", "message": {"usage": {}}}"#, "message_start.message.id is required"),
        ])
        func badFirstEvents(data: String, message: String) {
            var stream = AnthropicToOpenAIStream(model: "m", includeUsage: false, created: 0)
            expectHangarError(.upstreamInvalidResponse, message) { try stream.translate(SSEMessage(data: data)) }
        }

        @Test(arguments: [
            (
                #"{"type": "content_block_start", "index": 0, "content_block": {"type": "tool_use", "id": "t"}}"#,
                "content_block_start.content_block.name is required"
            ),
            (
                #"{"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta"}}"#,
                "content_block_delta.delta.text is required"
            ),
            (
                #"{"type": "message_delta", "delta": {"stop_reason": 1}}"#,
                "message_delta.delta.stop_reason must be a string"
            ),
        ])
        func badLaterEvents(data: String, message: String) throws {
            var stream = AnthropicToOpenAIStream(model: "m", includeUsage: false, created: 0)
            _ = try stream.translate(try #require(try Self.toolCallStream().first))
            expectHangarError(.upstreamInvalidResponse, message) { try stream.translate(SSEMessage(data: data)) }
        }
    }
}
