import HangarCore
import HangarGateway
import Testing

extension TranslateTests {
    /// Non-streaming answers, both ways, and the token arithmetic between the formats.
    @Suite("Response translation")
    struct ResponseTranslationTests {
        static let anthropicMessage = #"""
            {"id": "msg_01AB", "type": "message", "role": "assistant", "model": "claude-x",
             "content": [{"type": "thinking", "thinking": "t", "signature": "s"}, {"type": "text", "text": "Let me "},
               {"type": "text", "text": "check."},
               {"type": "tool_use", "id": "toolu_1", "name": "weather", "input": {"city": "Paris"}}],
             "stop_reason": "tool_use", "stop_sequence": null,
             "usage": {"input_tokens": 100, "output_tokens": 20, "cache_read_input_tokens": 300, "cache_creation_input_tokens": 50}}
            """#

        @Test func anthropicMessageBecomesAChatCompletion() throws {
            let expected = try json(
                #"""
                {"id": "chatcmpl-01AB", "object": "chat.completion", "created": 1700000000, "model": "claude-x",
                 "choices": [{"index": 0, "finish_reason": "tool_calls", "logprobs": null, "message": {
                   "role": "assistant", "content": "Let me check.", "refusal": null, "tool_calls": [
                     {"id": "toolu_1", "type": "function", "function": {"name": "weather", "arguments": "{\"city\":\"Paris\"}"}}]}}],
                 "usage": {"prompt_tokens": 450, "completion_tokens": 20, "total_tokens": 470,
                   "prompt_tokens_details": {"cached_tokens": 300}}}
                """#)
            let completion = try WireTranslation.openAIResponse(
                fromAnthropic: try json(Self.anthropicMessage), created: 1_700_000_000)
            #expect(completion == expected)
        }

        @Test func chatCompletionBecomesAnAnthropicMessage() throws {
            let body = try json(
                #"""
                {"id": "chatcmpl-9z", "object": "chat.completion", "created": 1, "model": "gpt-x",
                 "choices": [{"index": 0, "finish_reason": "tool_calls", "message": {"role": "assistant", "content": "On it.",
                   "tool_calls": [{"id": "call_1", "type": "function", "function": {"name": "f", "arguments": "{\"a\": [1]}"}}]}}],
                 "usage": {"prompt_tokens": 1000, "completion_tokens": 7, "total_tokens": 1007,
                   "prompt_tokens_details": {"cached_tokens": 800}}}
                """#)
            let expected = try json(
                #"""
                {"id": "msg_9z", "type": "message", "role": "assistant", "model": "gpt-x",
                 "content": [{"type": "text", "text": "On it."}, {"type": "tool_use", "id": "call_1", "name": "f", "input": {"a": [1]}}],
                 "stop_reason": "tool_use", "stop_sequence": null,
                 "usage": {"input_tokens": 200, "output_tokens": 7, "cache_read_input_tokens": 800, "cache_creation_input_tokens": 0}}
                """#)
            #expect(try WireTranslation.anthropicResponse(fromOpenAI: body) == expected)
        }

        /// OpenAI's `prompt_tokens` includes cached tokens; Anthropic's `input_tokens` excludes cache reads and
        /// writes. (input, cache read, cache write) → (prompt, cached) → back.
        @Test(arguments: [
            (Int64(100), Int64(0), Int64(0), Int64(100), Int64(0)),
            (100, 300, 0, 400, 300),
            (100, 300, 50, 450, 300),
            (0, 0, 0, 0, 0),
        ])
        func cachedTokenArithmetic(input: Int64, cacheRead: Int64, cacheWrite: Int64, prompt: Int64, cached: Int64)
            throws
        {
            let anthropic: JSONValue = [
                "id": "msg_1", "content": [], "stop_reason": "end_turn",
                "usage": [
                    "input_tokens": .int(input), "output_tokens": 5, "cache_read_input_tokens": .int(cacheRead),
                    "cache_creation_input_tokens": .int(cacheWrite),
                ],
            ]
            let openAI = try WireTranslation.openAIResponse(fromAnthropic: anthropic, created: 0)
            let usage = try #require(openAI["usage"])
            #expect(usage["prompt_tokens"] == .int(prompt))
            #expect(usage["prompt_tokens_details"]?["cached_tokens"] == .int(cached))
            #expect(usage["total_tokens"] == .int(prompt + 5))
            // Back again: OpenAI cannot tell cache writes apart, so they return as plain input tokens.
            let back = try #require(try WireTranslation.anthropicResponse(fromOpenAI: openAI)["usage"])
            #expect(back["input_tokens"] == .int(input + cacheWrite))
            #expect(back["cache_read_input_tokens"] == .int(cacheRead))
            #expect(back["output_tokens"] == 5)
        }

        @Test(arguments: [
            ("end_turn", "stop", "end_turn"), ("stop_sequence", "stop", "end_turn"),
            ("max_tokens", "length", "max_tokens"),
            ("tool_use", "tool_calls", "tool_use"), ("refusal", "content_filter", "refusal"),
            ("pause_turn", "stop", "end_turn"),
        ])
        func stopReasons(anthropic: String, openAI: String, back: String) throws {
            let message: JSONValue = [
                "id": "msg_1", "content": [["type": "text", "text": "x"]], "stop_reason": .string(anthropic),
            ]
            let completion = try WireTranslation.openAIResponse(fromAnthropic: message, created: 0)
            #expect(completion["choices"]?.arrayValue?.first?["finish_reason"] == .string(openAI))
            #expect(try WireTranslation.anthropicResponse(fromOpenAI: completion)["stop_reason"] == .string(back))
        }

        @Test func anthropicRoundTripKeepsTextToolsAndUsage() throws {
            let original = try json(
                #"""
                {"id": "msg_X", "type": "message", "role": "assistant", "model": "m", "stop_reason": "tool_use",
                 "stop_sequence": null, "content": [{"type": "text", "text": "Hi"},
                   {"type": "tool_use", "id": "t", "name": "f", "input": {"n": 1.5}}],
                 "usage": {"input_tokens": 3, "output_tokens": 4, "cache_read_input_tokens": 5, "cache_creation_input_tokens": 0}}
                """#)
            let openAI = try WireTranslation.openAIResponse(fromAnthropic: original, created: 0)
            #expect(try WireTranslation.anthropicResponse(fromOpenAI: openAI) == original)
        }

        @Test func aRefusalBecomesTextWithARefusalStop() throws {
            let body = try json(
                #"{"id": "chatcmpl-1", "choices": [{"finish_reason": "stop", "message": {"content": null, "refusal": "No."}}]}"#
            )
            let message = try WireTranslation.anthropicResponse(fromOpenAI: body)
            #expect(message["content"] == [["type": "text", "text": "No."]])
            #expect(message["stop_reason"] == "refusal")
            #expect(message["usage"]?["input_tokens"] == 0)
        }

        @Test(arguments: [
            (#"{"choices": []}"#, "id is required"),
            (#"{"id": "c", "choices": []}"#, "choices must not be empty"),
            (#"{"id": "c", "choices": [{"message": "hi"}]}"#, "choices[0].message must be an object"),
            (
                #"{"id": "c", "choices": [{"message": {"tool_calls": [{"id": "t", "function": {"name": "f", "arguments": "nope"}}]}}]}"#,
                "choices[0].message.tool_calls[0].function.arguments is not a JSON object"
            ),
            (
                #"{"id": "c", "choices": [{"message": {"tool_calls": [{"function": {"name": "f", "arguments": "{}"}}]}}]}"#,
                "choices[0].message.tool_calls[0].id is required"
            ),
        ])
        func badOpenAIAnswersAreTheUpstreamsFault(body: String, message: String) throws {
            let value = try json(body)
            expectHangarError(.upstreamInvalidResponse, message) {
                try WireTranslation.anthropicResponse(fromOpenAI: value)
            }
        }

        @Test(arguments: [
            (#"{"content": []}"#, "id is required"),
            (
                #"{"id": "m", "content": [{"type": "tool_use", "id": "t", "name": "f", "input": []}]}"#,
                "content[0].input must be an object"
            ),
            (#"{"id": "m", "content": [{"text": "x"}]}"#, "content[0].type is required"),
        ])
        func badAnthropicAnswersAreTheUpstreamsFault(body: String, message: String) throws {
            let value = try json(body)
            expectHangarError(.upstreamInvalidResponse, message) {
                try WireTranslation.openAIResponse(fromAnthropic: value, created: 0)
            }
        }
    }
}
