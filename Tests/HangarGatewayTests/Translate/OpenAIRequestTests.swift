import HangarCore
import HangarGateway
import Testing

extension TranslateTests {
    /// Anthropic messages requests translated for an OpenAI-compatible provider.
    @Suite("Anthropic request → OpenAI")
    struct OpenAIRequestTests {
        @Test func conversationWithToolUseSplitsToolResultsIntoToolMessages() throws {
            let body = try json(
                #"""
                {"model": "gpt-x", "max_tokens": 256, "temperature": 0.5, "top_k": 40, "stream": true,
                 "stop_sequences": ["END"], "metadata": {"user_id": "u-7"},
                 "system": [{"type": "text", "text": "Be brief.", "cache_control": {"type": "ephemeral"}}],
                 "messages": [
                   {"role": "user", "content": "Weather in Paris?"},
                   {"role": "assistant", "content": [
                     {"type": "thinking", "thinking": "hmm", "signature": "s"},
                     {"type": "text", "text": "Checking."},
                     {"type": "tool_use", "id": "toolu_1", "name": "weather", "input": {"city": "Paris", "days": 2}}]},
                   {"role": "user", "content": [
                     {"type": "tool_result", "tool_use_id": "toolu_1", "content": "18C", "is_error": false},
                     {"type": "text", "text": "Thanks"}]}],
                 "tools": [{"name": "weather", "description": "Forecast", "input_schema": {"type": "object"}}],
                 "tool_choice": {"type": "tool", "name": "weather", "disable_parallel_tool_use": true}}
                """#)
            let expected = try json(
                #"""
                {"model": "gpt-x", "max_completion_tokens": 256, "temperature": 0.5, "stream": true,
                 "stream_options": {"include_usage": true}, "stop": ["END"], "user": "u-7",
                 "messages": [
                   {"role": "system", "content": [{"type": "text", "text": "Be brief."}]},
                   {"role": "user", "content": "Weather in Paris?"},
                   {"role": "assistant", "content": "Checking.", "tool_calls": [
                     {"id": "toolu_1", "type": "function", "function": {"name": "weather", "arguments": "{\"city\":\"Paris\",\"days\":2}"}}]},
                   {"role": "tool", "tool_call_id": "toolu_1", "content": "18C"},
                   {"role": "user", "content": [{"type": "text", "text": "Thanks"}]}],
                 "tools": [{"type": "function", "function": {"name": "weather", "description": "Forecast",
                   "parameters": {"type": "object"}}}],
                 "tool_choice": {"type": "function", "function": {"name": "weather"}}, "parallel_tool_calls": false}
                """#)
            #expect(try WireTranslation.openAIRequest(fromAnthropic: body) == expected)
        }

        @Test(arguments: [
            (#"{"type": "auto"}"#, #""auto""#),
            (#"{"type": "any"}"#, #""required""#),
            (#"{"type": "none"}"#, #""none""#),
            (#"{"type": "tool", "name": "f"}"#, #"{"type": "function", "function": {"name": "f"}}"#),
        ])
        func toolChoice(anthropic: String, openAI: String) throws {
            let body = try json(
                #"{"messages": [{"role": "user", "content": "x"}], "tools": [{"name": "f", "input_schema": {}}], "tool_choice": \#(anthropic)}"#
            )
            let request = try WireTranslation.openAIRequest(fromAnthropic: body)
            #expect(request["tool_choice"] == (try json(openAI)))
            #expect(request["parallel_tool_calls"] == nil)
        }

        @Test func imagesBecomeDataOrHTTPURLs() throws {
            let body = try json(
                #"""
                {"max_tokens": 10, "messages": [{"role": "user", "content": [
                  {"type": "image", "source": {"type": "base64", "media_type": "image/jpeg", "data": "/9j/4A"}},
                  {"type": "image", "source": {"type": "url", "url": "https://example.com/a.png"}}]}]}
                """#)
            let expected = try json(
                #"""
                [{"role": "user", "content": [
                  {"type": "image_url", "image_url": {"url": "data:image/jpeg;base64,/9j/4A"}},
                  {"type": "image_url", "image_url": {"url": "https://example.com/a.png"}}]}]
                """#)
            #expect(try WireTranslation.openAIRequest(fromAnthropic: body)["messages"] == expected)
        }

        @Test func anAssistantTurnThatOnlyCallsToolsHasNullContent() throws {
            let body = try json(
                #"""
                {"messages": [{"role": "user", "content": "x"}, {"role": "assistant", "content": [
                  {"type": "tool_use", "id": "t1", "name": "a", "input": {}},
                  {"type": "tool_use", "id": "t2", "name": "b", "input": {"k": [1, null]}}]},
                  {"role": "user", "content": [{"type": "tool_result", "tool_use_id": "t1"},
                    {"type": "tool_result", "tool_use_id": "t2", "content": [{"type": "text", "text": "ok"}]}]}]}
                """#)
            let expected = try json(
                #"""
                [{"role": "user", "content": "x"},
                 {"role": "assistant", "content": null, "tool_calls": [
                   {"id": "t1", "type": "function", "function": {"name": "a", "arguments": "{}"}},
                   {"id": "t2", "type": "function", "function": {"name": "b", "arguments": "{\"k\":[1,null]}"}}]},
                 {"role": "tool", "tool_call_id": "t1", "content": ""},
                 {"role": "tool", "tool_call_id": "t2", "content": [{"type": "text", "text": "ok"}]}]
                """#)
            #expect(try WireTranslation.openAIRequest(fromAnthropic: body)["messages"] == expected)
        }

        @Test(arguments: [
            (#""x""#, "the request body must be an object"),
            (#"{"max_tokens": 1}"#, "messages is required"),
            (#"{"messages": []}"#, "messages must not be empty"),
            (#"{"messages": [{"role": "system", "content": "x"}]}"#, #"messages[0].role "system" is not supported"#),
            (#"{"messages": [{"role": "user"}]}"#, "messages[0].content is required"),
            (
                #"{"messages": [{"role": "user", "content": {}}]}"#,
                "messages[0].content must be a string or an array of content blocks"
            ),
            (
                #"{"system": 1, "messages": [{"role": "user", "content": "x"}]}"#,
                "system must be a string or an array of text blocks"
            ),
            (
                #"{"system": [{"type": "image"}], "messages": [{"role": "user", "content": "x"}]}"#,
                #"system[0].type "image" is not supported here"#
            ),
            (
                #"{"messages": [{"role": "user", "content": [{"type": "document", "source": {}}]}]}"#,
                #"messages[0].content[0].type "document" is not supported here"#
            ),
            (
                #"{"messages": [{"role": "user", "content": [{"type": "image", "source": {"type": "file", "file_id": "f"}}]}]}"#,
                #"messages[0].content[0].source.type "file" is not supported"#
            ),
            (
                #"{"messages": [{"role": "user", "content": [{"type": "tool_result", "tool_use_id": "t", "content": [{"type": "image", "source": {}}]}]}]}"#,
                #"messages[0].content[0].content[0].type "image" is not supported here"#
            ),
            (
                #"{"messages": [{"role": "user", "content": [{"type": "tool_result", "content": "x"}]}]}"#,
                "messages[0].content[0].tool_use_id is required"
            ),
            (
                #"{"messages": [{"role": "assistant", "content": [{"type": "tool_use", "id": "t", "name": "f", "input": "{}"}]}]}"#,
                "messages[0].content[0].input must be an object"
            ),
            (
                #"{"messages": [{"role": "assistant", "content": [{"type": "server_tool_use", "id": "t"}]}]}"#,
                #"messages[0].content[0].type "server_tool_use" is not supported"#
            ),
            (
                #"{"messages": [{"role": "user", "content": "x"}], "max_tokens": -1}"#,
                "max_tokens must be a positive integer"
            ),
            (
                #"{"messages": [{"role": "user", "content": "x"}], "stop_sequences": [1]}"#,
                "stop_sequences[0] must be a string"
            ),
            (
                #"{"messages": [{"role": "user", "content": "x"}], "tools": [{"type": "web_search_20250305", "name": "web_search"}]}"#,
                #"tools[0].type "web_search_20250305" is not supported"#
            ),
            (
                #"{"messages": [{"role": "user", "content": "x"}], "tools": [{"name": "f"}]}"#,
                "tools[0].input_schema is required"
            ),
            (
                #"{"messages": [{"role": "user", "content": "x"}], "tool_choice": {"type": "tool"}}"#,
                "tool_choice.name is required"
            ),
            (
                #"{"messages": [{"role": "user", "content": "x"}], "tool_choice": "auto"}"#,
                "tool_choice must be an object"
            ),
        ])
        func badShapesNameTheField(body: String, message: String) throws {
            let value = try json(body)
            expectHangarError(.invalidRequest, message) { try WireTranslation.openAIRequest(fromAnthropic: value) }
        }
    }
}
