import HangarCore
import HangarMockLLM
import Testing

@Suite("POST /v1/chat/completions", .timeLimit(.minutes(1)))
struct ChatCompletionsTests {
    static let script = """
        rules:
          - model: tools
            reply:
              content: "Checking."
              tool_calls:
                - {id: call_1, name: get_weather, arguments: {city: Paris, unit: celsius}}
                - {name: get_time, arguments: '{"tz":"Europe/Paris"}'}
          - model: only-tools
            reply: {tool_calls: [{id: call_9, name: ping}]}
          - model: gpt-mock
            reply: {content: "It is sunny in Paris."}
          - model: priced
            reply: {content: "Hi there"}
            usage: {prompt_tokens: 12, completion_tokens: 7, cached_tokens: 3}
        """

    @Test func nonStreamingReply() async throws {
        try await MockClient.with(Self.script) { client in
            let request = MockClient.chat("gpt-mock", "What is the weather?")
            let response = try await client.post("/v1/chat/completions", request)
            #expect(response.status == 200)
            #expect(response.headers["content-type"] == "application/json")
            let body = try response.json()
            #expect(body["id"]?.stringValue?.hasPrefix("chatcmpl-") == true)
            #expect(body["object"] == "chat.completion")
            #expect(body["model"] == "gpt-mock")
            #expect(body["created"]?.intValue != nil)
            let choice = try #require(body["choices"]?.arrayValue?.first)
            #expect(choice["index"] == 0)
            #expect(choice["finish_reason"] == "stop")
            #expect(choice["message"] == ["role": "assistant", "content": "It is sunny in Paris.", "refusal": nil])
            // Prompt: the messages' JSON bytes / 4, rounded up; completion: the 5 word tokens.
            let bytes = JSONValue.array(request["messages"]?.arrayValue ?? []).canonicalData().count
            let prompt = Int64((bytes + 3) / 4)
            #expect(
                body["usage"] == [
                    "prompt_tokens": .int(prompt), "completion_tokens": 5, "total_tokens": .int(prompt + 5),
                    "prompt_tokens_details": ["cached_tokens": 0],
                ])
        }
    }

    @Test func scriptedUsageIsReportedExactly() async throws {
        try await MockClient.with(Self.script) { client in
            let body = try await client.post("/v1/chat/completions", MockClient.chat("priced")).json()
            #expect(
                body["usage"] == [
                    "prompt_tokens": 12, "completion_tokens": 7, "total_tokens": 19,
                    "prompt_tokens_details": ["cached_tokens": 3],
                ])
        }
    }

    @Test func nonStreamingToolCalls() async throws {
        try await MockClient.with(Self.script) { client in
            let body = try await client.post("/v1/chat/completions", MockClient.chat("tools")).json()
            let choice = try #require(body["choices"]?.arrayValue?.first)
            #expect(choice["finish_reason"] == "tool_calls")
            #expect(choice["message"]?["content"] == "Checking.")
            let calls = try #require(choice["message"]?["tool_calls"]?.arrayValue)
            #expect(calls.count == 2)
            #expect(
                calls[0] == [
                    "id": "call_1", "type": "function",
                    "function": ["name": "get_weather", "arguments": #"{"city":"Paris","unit":"celsius"}"#],
                ])
            #expect(calls[1]["id"]?.stringValue?.hasPrefix("call_") == true)
            #expect(calls[1]["function"]?["arguments"] == #"{"tz":"Europe/Paris"}"#)

            let only = try await client.post("/v1/chat/completions", MockClient.chat("only-tools")).json()
            #expect(only["choices"]?[0]?["message"]?["content"] == .null)
            #expect(only["choices"]?[0]?["message"]?["tool_calls"]?[0]?["function"]?["arguments"] == "{}")
        }
    }

    @Test func streamingSendsOneChunkPerTokenThenDone() async throws {
        try await MockClient.with(Self.script) { client in
            let response = try await client.post("/v1/chat/completions", MockClient.chat("gpt-mock", stream: true))
            #expect(response.status == 200)
            #expect(response.headers["content-type"] == "text/event-stream")
            #expect(response.complete)
            let frames = SSEFrame.parse(response.text)
            #expect(frames.last == SSEFrame(event: nil, data: "[DONE]"))
            let chunks = try frames.dropLast().map { try $0.json() }
            #expect(chunks.count == 7)
            let id = try #require(chunks[0]["id"]?.stringValue)
            for chunk in chunks {
                #expect(chunk["id"]?.stringValue == id)
                #expect(chunk["object"] == "chat.completion.chunk")
                #expect(chunk["model"] == "gpt-mock")
                #expect(chunk.objectValue?["usage"] == nil)
            }
            #expect(chunks[0]["choices"]?[0]?["delta"] == ["role": "assistant", "content": ""])
            let words = chunks[1...5].map { $0["choices"]?[0]?["delta"]?["content"]?.stringValue ?? "?" }
            #expect(words == ["It", " is", " sunny", " in", " Paris."])
            #expect(chunks[1...5].allSatisfy { $0["choices"]?[0]?["finish_reason"] == .null })
            #expect(chunks[6]["choices"]?[0]?["delta"] == [:])
            #expect(chunks[6]["choices"]?[0]?["finish_reason"] == "stop")
        }
    }

    @Test func includeUsageAddsAUsageChunkAndNullUsageEverywhereElse() async throws {
        try await MockClient.with(Self.script) { client in
            let request = MockClient.chat("priced", stream: true, includeUsage: true)
            let response = try await client.post("/v1/chat/completions", request)
            let frames = SSEFrame.parse(response.text)
            #expect(frames.last?.data == "[DONE]")
            let chunks = try frames.dropLast().map { try $0.json() }
            #expect(chunks.count == 5)  // role, "Hi", " there", finish, usage
            for chunk in chunks.dropLast() {
                #expect(chunk.objectValue?["usage"] == .null)
            }
            let usage = try #require(chunks.last)
            #expect(usage["choices"] == [])
            #expect(usage["usage"]?["total_tokens"] == 19)
            #expect(chunks[3]["choices"]?[0]?["finish_reason"] == "stop")
        }
    }

    @Test func toolCallsStreamAsFragmentsThatReassemble() async throws {
        try await MockClient.with(Self.script) { client in
            let response = try await client.post("/v1/chat/completions", MockClient.chat("tools", stream: true))
            let chunks = try SSEFrame.parse(response.text).dropLast().map { try $0.json() }
            var content = ""
            var calls: [Int64: (id: String, name: String, arguments: String)] = [:]
            var finish: String?
            for chunk in chunks {
                let choice = try #require(chunk["choices"]?[0])
                if let reason = choice["finish_reason"]?.stringValue { finish = reason }
                content += choice["delta"]?["content"]?.stringValue ?? ""
                for delta in choice["delta"]?["tool_calls"]?.arrayValue ?? [] {
                    let index = try #require(delta["index"]?.intValue)
                    if let id = delta["id"]?.stringValue {
                        #expect(calls[index] == nil)
                        #expect(delta["type"] == "function")
                        #expect(delta["function"]?["arguments"] == "")
                        calls[index] = (id, delta["function"]?["name"]?.stringValue ?? "", "")
                    } else {
                        #expect(delta.objectValue?.keys.sorted() == ["function", "index"])
                        calls[index]?.arguments += delta["function"]?["arguments"]?.stringValue ?? ""
                    }
                }
            }
            #expect(content == "Checking.")
            #expect(finish == "tool_calls")
            #expect(calls[0]?.id == "call_1")
            #expect(calls[0]?.name == "get_weather")
            #expect(calls[0]?.arguments == #"{"city":"Paris","unit":"celsius"}"#)
            #expect(calls[1]?.name == "get_time")
            #expect(calls[1]?.arguments == #"{"tz":"Europe/Paris"}"#)
            // 1 content token, then 33 and 21 argument characters in pieces of 8.
            let record = try #require(await client.handle.recorder.requests().last)
            #expect(record.tokensSent == 1 + 5 + 3)
            #expect(record.outcome == .completed)
        }
    }

    @Test(
        "bodies that are not a JSON object, or lack what the API requires, are 400 invalid_request_error",
        arguments: [
            ("{not json", "the body is not valid JSON"),
            ("[1, 2]", "the body must be a JSON object"),
            (#"{"messages": []}"#, "you must provide a model parameter"),
            (#"{"model": "gpt-mock"}"#, "'messages' is a required property and must be an array"),
            (#"{"model": "gpt-mock", "messages": [], "stream": "yes"}"#, "'stream' must be a boolean"),
        ])
    func badBodies(body: String, message: String) async throws {
        try await MockClient.with(Self.script) { client in
            let response = try await client.send("POST", "/v1/chat/completions", body: body)
            #expect(response.status == 400)
            #expect(
                try response.json() == [
                    "error": ["message": .string(message), "type": "invalid_request_error", "param": nil, "code": nil]
                ])
            let records = await client.handle.recorder.requests()
            #expect(records.map(\.outcome) == [.error])
            #expect(records.first?.rule == nil)
        }
    }

    @Test func aModelNoRuleAnswersIs404ModelNotFound() async throws {
        try await MockClient.with(Self.script) { client in
            let response = try await client.post("/v1/chat/completions", MockClient.chat("gpt-5"))
            #expect(response.status == 404)
            #expect(try response.json()["error"]?["code"] == "model_not_found")
            #expect(try response.json()["error"]?["type"] == "invalid_request_error")
        }
    }
}
