import HangarCore
import HangarGateway
import Testing

/// Rebuilds a chat completion from OpenAI stream events the way an OpenAI client does, checking on the way the
/// rules a client relies on: chunks before one `[DONE]`, a tool call's id and name in its first fragment only.
struct OpenAIStreamAssembler {
    private var header: [String: JSONValue] = [:]
    private var content = ""
    private var toolCalls: [(id: String, name: String, arguments: String)] = []
    private var finishReason: JSONValue = .null
    private var usage: JSONValue?
    private(set) var sawDone = false

    init(_ events: [SSEMessage]) throws {
        for event in events { try feed(event) }
    }

    private mutating func feed(_ event: SSEMessage) throws {
        #expect(!sawDone, "an event after [DONE]")
        #expect(event.event == nil)
        if event.data == "[DONE]" {
            sawDone = true
            return
        }
        let chunk = try #require(try JSONValue.parse(event.data).objectValue)
        #expect(chunk["object"] == "chat.completion.chunk")
        for key in ["id", "created", "model"] { header[key] = chunk[key] }
        if let reported = chunk["usage"], reported != .null { usage = reported }
        for choice in try #require(chunk["choices"]?.arrayValue) {
            let delta = try #require(choice["delta"])
            content += delta["content"]?.stringValue ?? ""
            for call in delta["tool_calls"]?.arrayValue ?? [] {
                let index = try #require(call["index"]?.intValue)
                let fragment = call["function"]?["arguments"]?.stringValue ?? ""
                if index == toolCalls.count {
                    #expect(call["type"] == "function")
                    toolCalls.append(
                        (
                            try #require(call["id"]?.stringValue), try #require(call["function"]?["name"]?.stringValue),
                            fragment
                        ))
                } else {
                    let position = Int(index)
                    try #require(position < toolCalls.count, "tool call \(index) skipped an index")
                    #expect(call["id"] == nil && call["function"]?["name"] == nil)
                    toolCalls[position].arguments += fragment
                }
            }
            if let reason = choice["finish_reason"], reason != .null { finishReason = reason }
        }
    }

    /// The completion in the shape `WireTranslation.openAIResponse(fromAnthropic:)` gives.
    var completion: JSONValue {
        var message: [String: JSONValue] = [
            "role": "assistant", "content": content.isEmpty && !toolCalls.isEmpty ? .null : .string(content),
            "refusal": .null,
        ]
        if !toolCalls.isEmpty {
            message["tool_calls"] = .array(
                toolCalls.map {
                    [
                        "id": .string($0.id), "type": "function",
                        "function": ["name": .string($0.name), "arguments": .string($0.arguments)],
                    ]
                })
        }
        var completion = header
        completion["object"] = "chat.completion"
        completion["choices"] = [
            ["index": 0, "message": .object(message), "finish_reason": finishReason, "logprobs": .null]
        ]
        completion["usage"] = usage ?? .null
        return .object(completion)
    }
}
