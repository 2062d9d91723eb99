import HangarCore

/// Anthropic's Messages wire format for one reply: the `message` object, or the named-event stream
/// (`message_start`, `content_block_start`/`_delta`/`_stop`, `message_delta`, `message_stop`) that the
/// `anthropic` SDK reassembles into the same message.
struct AnthropicMessageFormat: Sendable {
    let id: String
    let model: String
    let reply: ReplyTokens
    let usage: ResolvedUsage

    var stopReason: String { reply.toolCalls.isEmpty ? "end_turn" : "tool_use" }

    /// A text block when there is content, except an empty text next to tool calls.
    private var text: String? {
        guard let content = reply.content, !(content.isEmpty && !reply.toolCalls.isEmpty) else { return nil }
        return content
    }

    func message() -> JSONValue {
        var content: [JSONValue] = []
        if let text { content.append(["type": "text", "text": .string(text)]) }
        for call in reply.toolCalls {
            content.append([
                "type": "tool_use", "id": .string(call.id), "name": .string(call.name), "input": call.input,
            ])
        }
        return envelope(content: content, stopReason: .string(stopReason), usage: usageObject(output: usage.completion))
    }

    func streamPlan() -> StreamPlan {
        var plan = StreamPlan()
        let start = envelope(content: [], stopReason: .null, usage: usageObject(output: 1))
        plan.opening = [event("message_start", ["message": start])]
        var index = 0
        if text != nil {
            plan.opening.append(blockStart(index, ["type": "text", "text": ""]))
            plan.opening.append(event("ping", [:]))
            for word in reply.words {
                plan.body.append(.token(blockDelta(index, ["type": "text_delta", "text": .string(word)])))
            }
            plan.body.append(.frame(event("content_block_stop", ["index": .int(Int64(index))])))
            index += 1
        } else {
            plan.opening.append(event("ping", [:]))
        }
        for call in reply.toolCalls {
            let block: JSONValue = [
                "type": "tool_use", "id": .string(call.id), "name": .string(call.name), "input": [:],
            ]
            plan.body.append(.frame(blockStart(index, block)))
            for piece in call.pieces {
                plan.body.append(
                    .token(blockDelta(index, ["type": "input_json_delta", "partial_json": .string(piece)])))
            }
            plan.body.append(.frame(event("content_block_stop", ["index": .int(Int64(index))])))
            index += 1
        }
        let delta: JSONValue = ["stop_reason": .string(stopReason), "stop_sequence": .null]
        plan.closing = [
            event("message_delta", ["delta": delta, "usage": ["output_tokens": .int(Int64(usage.completion))]]),
            event("message_stop", [:]),
        ]
        return plan
    }

    private func envelope(content: [JSONValue], stopReason: JSONValue, usage: JSONValue) -> JSONValue {
        [
            "id": .string(id), "type": "message", "role": "assistant", "model": .string(model),
            "content": .array(content), "stop_reason": stopReason, "stop_sequence": .null, "usage": usage,
        ]
    }

    private func usageObject(output: Int) -> JSONValue {
        [
            "input_tokens": .int(Int64(usage.prompt)), "output_tokens": .int(Int64(output)),
            "cache_read_input_tokens": .int(Int64(usage.cached)),
            "cache_creation_input_tokens": .int(Int64(usage.cacheCreation)),
        ]
    }

    private func blockStart(_ index: Int, _ block: JSONValue) -> String {
        event("content_block_start", ["index": .int(Int64(index)), "content_block": block])
    }

    private func blockDelta(_ index: Int, _ delta: JSONValue) -> String {
        event("content_block_delta", ["index": .int(Int64(index)), "delta": delta])
    }

    /// An SSE frame whose event name is also the data's `type`, as Anthropic sends them.
    private func event(_ name: String, _ fields: [String: JSONValue]) -> String {
        var fields = fields
        fields["type"] = .string(name)
        return MockResponse.frame(.object(fields), event: name)
    }
}
