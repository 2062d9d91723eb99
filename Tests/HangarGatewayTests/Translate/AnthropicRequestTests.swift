import HangarCore
import HangarGateway
import Testing

extension TranslateTests {
    /// OpenAI chat requests translated for an Anthropic provider.
    @Suite("OpenAI request → Anthropic")
    struct AnthropicRequestTests {
        @Test func conversationWithToolCallsMergesToolResultsIntoOneUserMessage() throws {
            let body = try json(
                #"""
                {"model": "claude-x", "max_tokens": 300, "temperature": 0.2, "top_p": 0.9, "stream": true,
                 "stream_options": {"include_usage": true}, "stop": "END", "user": "u-42",
                 "messages": [
                   {"role": "system", "content": "Be brief."},
                   {"role": "user", "content": "Weather in Paris and Rome?"},
                   {"role": "assistant", "content": "Checking.", "tool_calls": [
                     {"id": "call_1", "type": "function", "function": {"name": "weather", "arguments": "{\"city\":\"Paris\"}"}},
                     {"id": "call_2", "type": "function", "function": {"name": "weather", "arguments": "{\"city\":\"Rome\"}"}}]},
                   {"role": "tool", "tool_call_id": "call_1", "content": "18C"},
                   {"role": "tool", "tool_call_id": "call_2", "content": [{"type": "text", "text": "21C"}]},
                   {"role": "user", "content": "And tomorrow?"}],
                 "tools": [{"type": "function", "function": {"name": "weather", "description": "Forecast",
                   "parameters": {"type": "object", "properties": {"city": {"type": "string"}}}, "strict": true}}],
                 "tool_choice": "required", "parallel_tool_calls": false, "seed": 7}
                """#)
            let expected = try json(
                #"""
                {"model": "claude-x", "max_tokens": 300, "temperature": 0.2, "top_p": 0.9, "stream": true,
                 "stop_sequences": ["END"], "metadata": {"user_id": "u-42"}, "system": "Be brief.",
                 "messages": [
                   {"role": "user", "content": "Weather in Paris and Rome?"},
                   {"role": "assistant", "content": [
                     {"type": "text", "text": "Checking."},
                     {"type": "tool_use", "id": "call_1", "name": "weather", "input": {"city": "Paris"}},
                     {"type": "tool_use", "id": "call_2", "name": "weather", "input": {"city": "Rome"}}]},
                   {"role": "user", "content": [
                     {"type": "tool_result", "tool_use_id": "call_1", "content": "18C"},
                     {"type": "tool_result", "tool_use_id": "call_2", "content": [{"type": "text", "text": "21C"}]},
                     {"type": "text", "text": "And tomorrow?"}]}],
                 "tools": [{"name": "weather", "description": "Forecast",
                   "input_schema": {"type": "object", "properties": {"city": {"type": "string"}}}}],
                 "tool_choice": {"type": "any", "disable_parallel_tool_use": true}}
                """#)
            #expect(try WireTranslation.anthropicRequest(fromOpenAI: body, defaultMaxTokens: 4096) == expected)
        }

        @Test func systemAndDeveloperMessagesBecomeTextBlocksInOrder() throws {
            let body = try json(
                #"""
                {"messages": [{"role": "developer", "content": "A."}, {"role": "user", "content": "hi"},
                  {"role": "system", "content": [{"type": "text", "text": "B."}]}]}
                """#)
            let request = try WireTranslation.anthropicRequest(fromOpenAI: body, defaultMaxTokens: 1)
            #expect(request["system"] == [["type": "text", "text": "A."], ["type": "text", "text": "B."]])
            #expect(request["messages"] == [["role": "user", "content": "hi"]])
        }

        @Test(arguments: [
            (#""auto""#, #"{"type": "auto"}"#),
            (#""none""#, #"{"type": "none"}"#),
            (#""required""#, #"{"type": "any"}"#),
            (#"{"type": "function", "function": {"name": "f"}}"#, #"{"type": "tool", "name": "f"}"#),
        ])
        func toolChoice(openAI: String, anthropic: String) throws {
            let body = try json(
                #"{"messages": [{"role": "user", "content": "x"}], "tools": [{"type": "function", "function": {"name": "f"}}], "tool_choice": \#(openAI)}"#
            )
            let request = try WireTranslation.anthropicRequest(fromOpenAI: body, defaultMaxTokens: 1)
            #expect(request["tool_choice"] == (try json(anthropic)))
            #expect(request["tools"] == [["name": "f", "input_schema": ["type": "object", "properties": [:]]]])
        }

        @Test(arguments: [
            (#""tool_choice": "none", "parallel_tool_calls": false"#, #"{"type": "none"}"#),
            (#""parallel_tool_calls": false"#, #"{"type": "auto", "disable_parallel_tool_use": true}"#),
            (#""parallel_tool_calls": true"#, "null"),
        ])
        func parallelToolCalls(options: String, choice: String) throws {
            let body = try json(
                #"{"messages": [{"role": "user", "content": "x"}], "tools": [{"type": "function", "function": {"name": "f"}}], \#(options)}"#
            )
            let request = try WireTranslation.anthropicRequest(fromOpenAI: body, defaultMaxTokens: 1)
            #expect((request["tool_choice"] ?? .null) == (try json(choice)))
        }

        @Test(arguments: [
            (#""max_completion_tokens": 5, "max_tokens": 9"#, 5),
            (#""max_tokens": 9"#, 9),
            (#""max_tokens": null"#, 4096),
        ])
        func maxTokensFallsBackToTheDefault(options: String, expected: Int64) throws {
            let body = try json(#"{"messages": [{"role": "user", "content": "x"}], \#(options)}"#)
            #expect(
                try WireTranslation.anthropicRequest(fromOpenAI: body, defaultMaxTokens: 4096)["max_tokens"]
                    == .int(expected))
        }

        @Test func imagesBecomeBase64OrURLSources() throws {
            let body = try json(
                #"""
                {"messages": [{"role": "user", "content": [
                  {"type": "text", "text": "Compare"},
                  {"type": "image_url", "image_url": {"url": "data:image/png;base64,iVBORw0K", "detail": "high"}},
                  {"type": "image_url", "image_url": {"url": "https://example.com/cat.jpg"}}]}]}
                """#)
            let expected = try json(
                #"""
                [{"type": "text", "text": "Compare"},
                 {"type": "image", "source": {"type": "base64", "media_type": "image/png", "data": "iVBORw0K"}},
                 {"type": "image", "source": {"type": "url", "url": "https://example.com/cat.jpg"}}]
                """#)
            let request = try WireTranslation.anthropicRequest(fromOpenAI: body, defaultMaxTokens: 1)
            #expect(request["messages"]?.arrayValue?.first?["content"] == expected)
        }

        @Test func emptyArgumentsReadAsAnEmptyObject() throws {
            let body = try json(
                #"""
                {"messages": [{"role": "user", "content": "x"}, {"role": "assistant", "content": null,
                  "tool_calls": [{"id": "c", "type": "function", "function": {"name": "now", "arguments": ""}}]}]}
                """#)
            let request = try WireTranslation.anthropicRequest(fromOpenAI: body, defaultMaxTokens: 1)
            #expect(
                request["messages"]?.arrayValue?.last?["content"]
                    == [["type": "tool_use", "id": "c", "name": "now", "input": [:]]])
        }

        @Test(arguments: [
            (#"[]"#, "the request body must be an object"),
            (#"{}"#, "messages is required"),
            (#"{"messages": []}"#, "messages must not be empty"),
            (#"{"messages": [{"content": "x"}]}"#, "messages[0].role is required"),
            (
                #"{"messages": [{"role": "function", "content": "x"}]}"#,
                #"messages[0].role "function" is not supported"#
            ),
            (#"{"messages": [{"role": "user"}]}"#, "messages[0].content is required"),
            (
                #"{"messages": [{"role": "user", "content": 5}]}"#,
                "messages[0].content must be a string or an array of content parts"
            ),
            (
                #"{"messages": [{"role": "user", "content": [{"type": "input_audio", "input_audio": {}}]}]}"#,
                #"messages[0].content[0].type "input_audio" is not supported here"#
            ),
            (
                #"{"messages": [{"role": "system", "content": [{"type": "image_url", "image_url": {"url": "https://x"}}]}]}"#,
                #"messages[0].content[0].type "image_url" is not supported here"#
            ),
            (
                #"{"messages": [{"role": "user", "content": [{"type": "image_url", "image_url": {"url": "ftp://x"}}]}]}"#,
                "messages[0].content[0].image_url.url must be an http(s) URL or a base64 data: URL"
            ),
            (
                #"{"messages": [{"role": "user", "content": "x"}, {"role": "assistant", "tool_calls": [{"id": "c", "type": "function", "function": {"name": "f", "arguments": "[1]"}}]}]}"#,
                "messages[1].tool_calls[0].function.arguments is not a JSON object"
            ),
            (
                #"{"messages": [{"role": "user", "content": "x"}, {"role": "assistant", "tool_calls": [{"id": "c", "function": {"name": "f", "arguments": "{\"a\":"}}]}]}"#,
                "messages[1].tool_calls[0].function.arguments is not a JSON object"
            ),
            (
                #"{"messages": [{"role": "user", "content": "x"}, {"role": "assistant", "tool_calls": [{"type": "function", "function": {"name": "f", "arguments": "{}"}}]}]}"#,
                "messages[1].tool_calls[0].id is required"
            ),
            (
                #"{"messages": [{"role": "assistant", "content": null}]}"#,
                "messages[0] has neither content nor tool_calls"
            ),
            (#"{"messages": [{"role": "tool", "content": "x"}]}"#, "messages[0].tool_call_id is required"),
            (
                #"{"messages": [{"role": "assistant", "content": "x", "function_call": {"name": "f"}}]}"#,
                "messages[0].function_call is not supported: use tool_calls"
            ),
            (
                #"{"messages": [{"role": "user", "content": "x"}], "n": 2}"#,
                "n 2 is not supported: Anthropic models return one choice"
            ),
            (
                #"{"messages": [{"role": "user", "content": "x"}], "logprobs": true}"#,
                "logprobs is not supported by Anthropic models"
            ),
            (
                #"{"messages": [{"role": "user", "content": "x"}], "response_format": {"type": "json_schema", "json_schema": {}}}"#,
                #"response_format.type "json_schema" is not supported by Anthropic models: use a tool with an input schema instead"#
            ),
            (
                #"{"messages": [{"role": "user", "content": "x"}], "functions": []}"#,
                "functions is not supported: use tools and tool_choice"
            ),
            (
                #"{"messages": [{"role": "user", "content": "x"}], "max_tokens": 0}"#,
                "max_tokens must be a positive integer"
            ),
            (
                #"{"messages": [{"role": "user", "content": "x"}], "temperature": "hot"}"#,
                "temperature must be a number"
            ),
            (#"{"messages": [{"role": "user", "content": "x"}], "stop": ["a", 1]}"#, "stop[1] must be a string"),
            (
                #"{"messages": [{"role": "user", "content": "x"}], "stop": 1}"#,
                "stop must be a string or an array of strings"
            ),
            (
                #"{"messages": [{"role": "user", "content": "x"}], "tools": [{"type": "custom", "custom": {}}]}"#,
                #"tools[0].type "custom" is not supported"#
            ),
            (
                #"{"messages": [{"role": "user", "content": "x"}], "tools": [{"type": "function", "function": {}}]}"#,
                "tools[0].function.name is required"
            ),
            (
                #"{"messages": [{"role": "user", "content": "x"}], "tool_choice": "always"}"#,
                #"tool_choice "always" is not supported"#
            ),
            (
                #"{"messages": [{"role": "user", "content": "x"}], "tool_choice": {"type": "function", "function": {}}}"#,
                "tool_choice.function.name is required"
            ),
        ])
        func badShapesNameTheField(body: String, message: String) throws {
            let value = try json(body)
            expectHangarError(.invalidRequest, message) {
                try WireTranslation.anthropicRequest(fromOpenAI: value, defaultMaxTokens: 1)
            }
        }
    }
}
