import HangarCore

/// OpenAI's Chat Completions wire format for one reply: the `chat.completion` object, or the
/// `chat.completion.chunk` stream that the `openai` SDK reassembles into the same message.
struct ChatCompletionFormat: Sendable {
    let id: String
    let created: Int64
    let model: String
    let reply: ReplyTokens
    let usage: ResolvedUsage

    var finishReason: String { reply.toolCalls.isEmpty ? "stop" : "tool_calls" }

    func completion() -> JSONValue {
        var message: [String: JSONValue] = [
            "role": "assistant", "content": reply.content.map(JSONValue.string) ?? .null, "refusal": nil,
        ]
        if !reply.toolCalls.isEmpty {
            message["tool_calls"] = .array(
                reply.toolCalls.map { call in
                    [
                        "id": .string(call.id), "type": "function",
                        "function": ["name": .string(call.name), "arguments": .string(call.arguments)],
                    ]
                })
        }
        return [
            "id": .string(id), "object": "chat.completion", "created": .int(created), "model": .string(model),
            "choices": [
                ["index": 0, "message": .object(message), "logprobs": nil, "finish_reason": .string(finishReason)]
            ],
            "usage": usageObject(), "system_fingerprint": nil,
        ]
    }

    /// The role chunk, one chunk per token, the finish chunk, with `include_usage` a usage chunk with no
    /// choices (every other chunk then carries `"usage": null`), and `[DONE]`.
    func streamPlan(includeUsage: Bool) -> StreamPlan {
        var plan = StreamPlan()
        plan.opening = [chunk(["role": "assistant", "content": ""], includeUsage: includeUsage)]
        for word in reply.words {
            plan.body.append(.token(chunk(["content": .string(word)], includeUsage: includeUsage)))
        }
        for (index, call) in reply.toolCalls.enumerated() {
            let opening: JSONValue = [
                "index": .int(Int64(index)), "id": .string(call.id), "type": "function",
                "function": ["name": .string(call.name), "arguments": ""],
            ]
            plan.body.append(.frame(chunk(["tool_calls": [opening]], includeUsage: includeUsage)))
            for piece in call.pieces {
                let delta: JSONValue = ["index": .int(Int64(index)), "function": ["arguments": .string(piece)]]
                plan.body.append(.token(chunk(["tool_calls": [delta]], includeUsage: includeUsage)))
            }
        }
        plan.closing = [chunk([:], finishReason: finishReason, includeUsage: includeUsage)]
        if includeUsage {
            plan.closing.append(MockResponse.frame(envelope(choices: [], usage: usageObject())))
        }
        plan.closing.append("data: [DONE]\n\n")
        return plan
    }

    private func chunk(_ delta: JSONValue, finishReason: String? = nil, includeUsage: Bool) -> String {
        let choice: JSONValue = [
            "index": 0, "delta": delta, "logprobs": nil, "finish_reason": finishReason.map(JSONValue.string) ?? .null,
        ]
        return MockResponse.frame(envelope(choices: [choice], usage: includeUsage ? .null : nil))
    }

    /// A chunk object; `usage` is left out when `nil` and written (possibly as `null`) otherwise.
    private func envelope(choices: [JSONValue], usage: JSONValue?) -> JSONValue {
        var object: [String: JSONValue] = [
            "id": .string(id), "object": "chat.completion.chunk", "created": .int(created), "model": .string(model),
            "system_fingerprint": nil, "choices": .array(choices),
        ]
        if let usage { object["usage"] = usage }
        return .object(object)
    }

    private func usageObject() -> JSONValue {
        [
            "prompt_tokens": .int(Int64(usage.prompt)), "completion_tokens": .int(Int64(usage.completion)),
            "total_tokens": .int(Int64(usage.prompt + usage.completion)),
            "prompt_tokens_details": ["cached_tokens": .int(Int64(usage.cached))],
        ]
    }
}
