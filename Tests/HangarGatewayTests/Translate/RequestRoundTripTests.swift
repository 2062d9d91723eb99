import HangarCore
import HangarGateway
import Testing

extension TranslateTests {
    /// A request translated one way and back again says the same thing.
    @Suite("Request round trips")
    struct RequestRoundTripTests {
        static let openAIRequests = [
            #"{"model": "m", "max_completion_tokens": 50, "messages": [{"role": "user", "content": "hi"}]}"#,
            #"""
            {"model": "m", "max_completion_tokens": 50, "temperature": 0.7, "top_p": 1, "stop": ["x", "y"], "user": "u",
             "stream": true, "stream_options": {"include_usage": true},
             "messages": [
               {"role": "system", "content": "S"},
               {"role": "user", "content": [{"type": "text", "text": "look"},
                 {"type": "image_url", "image_url": {"url": "data:image/png;base64,AAAA"}}]},
               {"role": "assistant", "content": null, "tool_calls": [
                 {"id": "c1", "type": "function", "function": {"name": "f", "arguments": "{\"a\":1}"}},
                 {"id": "c2", "type": "function", "function": {"name": "g", "arguments": "{}"}}]},
               {"role": "tool", "tool_call_id": "c1", "content": "one"},
               {"role": "tool", "tool_call_id": "c2", "content": [{"type": "text", "text": "two"}]},
               {"role": "assistant", "content": "done"}],
             "tools": [{"type": "function", "function": {"name": "f", "description": "F", "parameters": {"type": "object"}}},
                       {"type": "function", "function": {"name": "g", "parameters": {"type": "object", "properties": {}}}}],
             "tool_choice": {"type": "function", "function": {"name": "f"}}, "parallel_tool_calls": false}
            """#,
        ]

        @Test(arguments: openAIRequests)
        func openAIThroughAnthropicAndBack(text: String) throws {
            let original = try json(text)
            let anthropic = try WireTranslation.anthropicRequest(fromOpenAI: original, defaultMaxTokens: 1)
            #expect(try WireTranslation.openAIRequest(fromAnthropic: anthropic) == original)
        }

        static let anthropicRequests = [
            #"{"model": "m", "max_tokens": 50, "system": "S", "messages": [{"role": "user", "content": "hi"}]}"#,
            #"""
            {"model": "m", "max_tokens": 50, "temperature": 0, "stop_sequences": ["x"], "metadata": {"user_id": "u"},
             "stream": true, "system": [{"type": "text", "text": "A"}, {"type": "text", "text": "B"}],
             "messages": [
               {"role": "user", "content": [{"type": "text", "text": "look"},
                 {"type": "image", "source": {"type": "url", "url": "https://example.com/i.png"}}]},
               {"role": "assistant", "content": [{"type": "text", "text": "Calling."},
                 {"type": "tool_use", "id": "t1", "name": "f", "input": {"q": "x"}}]},
               {"role": "user", "content": [{"type": "tool_result", "tool_use_id": "t1", "content": "r"},
                 {"type": "text", "text": "more"}]},
               {"role": "assistant", "content": "ok"}],
             "tools": [{"name": "f", "description": "F", "input_schema": {"type": "object"}}],
             "tool_choice": {"type": "any", "disable_parallel_tool_use": true}}
            """#,
        ]

        @Test(arguments: anthropicRequests)
        func anthropicThroughOpenAIAndBack(text: String) throws {
            let original = try json(text)
            let openAI = try WireTranslation.openAIRequest(fromAnthropic: original)
            #expect(try WireTranslation.anthropicRequest(fromOpenAI: openAI, defaultMaxTokens: 1) == original)
        }
    }
}
