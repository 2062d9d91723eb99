import HangarCore
import HangarGateway
import Testing

extension TranslateTests {
    /// An OpenAI stream served to an Anthropic client, and streams translated both ways in a chain.
    @Suite("OpenAI stream → Anthropic")
    struct OpenAIToAnthropicStreamTests {
        static func chunk(_ choice: String) throws -> SSEMessage {
            try openAIChunk(
                #"{"id": "chatcmpl-9z", "object": "chat.completion.chunk", "created": 5, "model": "gpt-x", "choices": [\#(choice)]}"#
            )
        }

        /// Text in two deltas, then two tool calls, the first one's arguments in fragments, then the usage chunk.
        static func toolCallStream() throws -> [SSEMessage] {
            try [
                chunk(#"{"index": 0, "delta": {"role": "assistant", "content": ""}, "finish_reason": null}"#),
                chunk(#"{"index": 0, "delta": {"content": "On "}, "finish_reason": null}"#),
                chunk(#"{"index": 0, "delta": {"content": "it."}, "finish_reason": null}"#),
                chunk(
                    #"{"index": 0, "delta": {"tool_calls": [{"index": 0, "id": "call_1", "type": "function", "function": {"name": "f", "arguments": ""}}]}}"#
                ),
                chunk(#"{"index": 0, "delta": {"tool_calls": [{"index": 0, "function": {"arguments": "{\"a\": "}}]}}"#),
                chunk(#"{"index": 0, "delta": {"tool_calls": [{"index": 0, "function": {"arguments": "[1]}"}}]}}"#),
                chunk(
                    #"{"index": 0, "delta": {"tool_calls": [{"index": 1, "id": "call_2", "type": "function", "function": {"name": "g", "arguments": "{}"}}]}}"#
                ),
                chunk(#"{"index": 0, "delta": {}, "finish_reason": "tool_calls"}"#),
                openAIChunk(
                    #"{"id": "chatcmpl-9z", "object": "chat.completion.chunk", "created": 5, "model": "gpt-x", "choices": [], "usage": {"prompt_tokens": 1000, "completion_tokens": 7, "total_tokens": 1007, "prompt_tokens_details": {"cached_tokens": 800}}}"#
                ),
                .done,
            ]
        }

        /// The same answer as one completion.
        static let toolCallCompletion = #"""
            {"id": "chatcmpl-9z", "object": "chat.completion", "created": 5, "model": "gpt-x",
             "choices": [{"index": 0, "finish_reason": "tool_calls", "message": {"role": "assistant", "content": "On it.",
               "tool_calls": [{"id": "call_1", "type": "function", "function": {"name": "f", "arguments": "{\"a\": [1]}"}},
                              {"id": "call_2", "type": "function", "function": {"name": "g", "arguments": "{}"}}]}}],
             "usage": {"prompt_tokens": 1000, "completion_tokens": 7, "total_tokens": 1007, "prompt_tokens_details": {"cached_tokens": 800}}}
            """#

        @Test func toolCallStreamReassemblesToTheNonStreamingTranslation() throws {
            var stream = OpenAIToAnthropicStream(model: "gpt-x")
            let events = try translateAll(try Self.toolCallStream(), with: &stream)
            let assembled = try AnthropicStreamAssembler(events)
            #expect(assembled.sawStop)
            #expect(
                try assembled.result
                    == (try WireTranslation.anthropicResponse(fromOpenAI: try json(Self.toolCallCompletion))))
            #expect(
                events.map(\.event) == [
                    "message_start", "content_block_start", "content_block_delta", "content_block_delta",
                    "content_block_stop",
                    "content_block_start", "content_block_delta", "content_block_delta", "content_block_stop",
                    "content_block_start", "content_block_delta", "content_block_stop", "message_delta", "message_stop",
                ])
            #expect(stream.usage == TokenUsage(inputTokens: 1000, outputTokens: 7, cachedInputTokens: 800))
            #expect(stream.stopReason == "tool_use")
            let delta = try JSONValue.parse(events[events.count - 2].data)
            #expect(delta["usage"]?["output_tokens"] == 7)
            #expect(delta["usage"]?["input_tokens"] == 200)
        }

        @Test func anthropicStreamThroughOpenAIAndBackKeepsTheMessage() throws {
            var toOpenAI = AnthropicToOpenAIStream(model: "claude-x", includeUsage: true, created: 0)
            var back = OpenAIToAnthropicStream(model: "claude-x")
            let openAI = try translateAll(try AnthropicToOpenAIStreamTests.toolCallStream(), with: &toOpenAI)
            let assembled = try AnthropicStreamAssembler(try translateAll(openAI, with: &back))
            #expect(try assembled.result == (try json(AnthropicToOpenAIStreamTests.toolCallMessage)))
        }

        @Test func openAIStreamThroughAnthropicAndBackKeepsTheCompletion() throws {
            var toAnthropic = OpenAIToAnthropicStream(model: "gpt-x")
            var back = AnthropicToOpenAIStream(model: "gpt-x", includeUsage: true, created: 5)
            let anthropic = try translateAll(try Self.toolCallStream(), with: &toAnthropic)
            let original = try OpenAIStreamAssembler(try Self.toolCallStream())
            let roundTripped = try OpenAIStreamAssembler(try translateAll(anthropic, with: &back))
            #expect(roundTripped.completion == original.completion)
        }

        @Test func doneWithoutAFinishReasonStillEndsNormally() throws {
            var stream = OpenAIToAnthropicStream(model: "m")
            let events = try translateAll(
                [try Self.chunk(#"{"index": 0, "delta": {"content": "hi"}}"#), .done], with: &stream)
            let assembled = try AnthropicStreamAssembler(events)
            #expect(try assembled.result["stop_reason"] == "end_turn")
            #expect(try assembled.result["content"] == [["type": "text", "text": "hi"]])
        }

        @Test func aCutStreamEndsWithAnErrorEvent() throws {
            var stream = OpenAIToAnthropicStream(model: "m")
            let events = try translateAll(Array(try Self.toolCallStream().prefix(3)), with: &stream)
            #expect(events.last?.event == "error")
            #expect(
                try JSONValue.parse(try #require(events.last).data)["error"]?["message"]
                    == "the upstream stream ended before the answer was complete")
            #expect(stream.isFinished)
        }

        @Test func aStreamThatFinishedButLostDoneEndsNormally() throws {
            var stream = OpenAIToAnthropicStream(model: "m")
            let events = try translateAll(Array(try Self.toolCallStream().prefix(8)), with: &stream)
            #expect(events.suffix(2).map(\.event) == ["message_delta", "message_stop"])
        }

        @Test func anUpstreamErrorChunkBecomesAnErrorEvent() throws {
            var stream = OpenAIToAnthropicStream(model: "m")
            let chunks = [
                try Self.chunk(#"{"index": 0, "delta": {"content": "x"}}"#),
                try openAIChunk(#"{"error": {"message": "boom", "type": "server_error"}}"#),
            ]
            let events = try translateAll(chunks, with: &stream)
            #expect(
                events.last
                    == SSEMessage(
                        event: "error", data: #"{"error":{"message":"boom","type":"api_error"},"type":"error"}"#))
            #expect(stream.upstreamError == "boom")
            #expect(try stream.translate(.done) == [])
        }

        @Test(arguments: [
            ("{", "an upstream chunk is not a JSON object"),
            (#"{"choices": []}"#, "id is required"),
            (
                #"{"id": "c", "choices": [{"delta": {"tool_calls": [{"index": 0, "function": {"name": "f"}}]}}]}"#,
                "choices[0].delta.tool_calls[0].id is required"
            ),
            (
                #"{"id": "c", "choices": [{"delta": {"tool_calls": [{"id": "t", "function": {"name": "f"}}]}}]}"#,
                "choices[0].delta.tool_calls[0].index is required"
            ),
            (#"{"id": "c", "choices": [{"delta": {"content": 3}}]}"#, "choices[0].delta.content must be a string"),
        ])
        func badChunks(data: String, message: String) {
            var stream = OpenAIToAnthropicStream(model: "m")
            expectHangarError(.upstreamInvalidResponse, message) { try stream.translate(SSEMessage(data: data)) }
        }

        @Test func aToolCallResumedAfterAnotherStartedFails() throws {
            var stream = OpenAIToAnthropicStream(model: "m")
            for chunk in try Self.toolCallStream().prefix(7) { _ = try stream.translate(chunk) }
            let resumed = try Self.chunk(
                #"{"index": 0, "delta": {"tool_calls": [{"index": 0, "function": {"arguments": "x"}}]}}"#)
            expectHangarError(
                .upstreamInvalidResponse,
                "choices[0].delta.tool_calls[0] continues tool call 0 after another block started"
            ) { try stream.translate(resumed) }
        }
    }
}
