import HangarCore

/// Turns an Anthropic messages stream into an OpenAI chat completion stream, one upstream event at a time.
///
/// `message_start` gives the first chunk (the assistant role), text deltas give `content` chunks, each `tool_use`
/// block opens a tool call (numbered from 0 in the order they start) whose `input_json_delta` fragments become
/// `arguments` fragments, `message_delta` gives the `finish_reason` chunk, and `message_stop` the usage chunk
/// (when the client asked for it with `stream_options.include_usage`) and `[DONE]`. Thinking blocks are dropped.
///
/// An upstream `error` event is passed on as a chunk `{"error": {"message", "type"}}`, which is how OpenAI itself
/// reports a failure mid-stream (its SDKs raise on it), and the stream ends there without `[DONE]`, so no client
/// mistakes a failed answer for a finished one. ``upstreamError`` keeps the message for the gateway's logs.
public struct AnthropicToOpenAIStream: Sendable {
    /// The model named in every chunk: the one the client asked for.
    public let model: String
    /// The client's `stream_options.include_usage`: whether it gets the usage chunk before `[DONE]`.
    public let includeUsage: Bool
    /// The `created` of every chunk (Anthropic events carry no timestamp).
    public let created: Int64
    /// The usage seen so far, so a stream that is cut can still be billed: input tokens from `message_start`,
    /// output tokens updated by each `message_delta`.
    public private(set) var usage = TokenUsage()
    /// The OpenAI `finish_reason`, once the upstream has said why it stopped.
    public private(set) var finishReason: String?
    /// An upstream `error` event as `type: message` (`overloaded_error: Overloaded`), if one came.
    public private(set) var upstreamError: String?
    /// Whether the downstream stream is over (`[DONE]` or an error sent); later events give nothing.
    public private(set) var isFinished = false

    private var id: String?
    private var toolCallIndexByBlock: [Int64: Int] = [:]

    public init(model: String, includeUsage: Bool, created: Int64 = WireTranslation.unixTimeNow()) {
        self.model = model
        self.includeUsage = includeUsage
        self.created = created
    }

    /// The OpenAI events owed for one Anthropic event (often none: pings, block stops).
    public mutating func translate(_ message: SSEMessage) throws -> [SSEMessage] {
        guard !isFinished else { return [] }
        let reader = WireReader.upstream
        guard case .object(let event)? = try? JSONValue.parse(message.data) else {
            throw reader.error("an upstream event is not a JSON object")
        }
        let type = try reader.optionalString(event["type"], at: "type") ?? message.event ?? ""
        if type != "message_start", type != "error", type != "ping", id == nil {
            throw reader.error("\(type) came before message_start")
        }
        switch type {
        case "message_start":
            let start = try reader.object(event["message"], at: "message_start.message")
            id = WireTranslation.openAIID(fromAnthropic: try reader.string(start["id"], at: "message_start.message.id"))
            usage = TokenUsage(anthropic: start["usage"], base: usage) ?? usage
            return [chunk(delta: ["role": "assistant", "content": ""])]
        case "content_block_start":
            return try blockStart(event)
        case "content_block_delta":
            return try blockDelta(event)
        case "message_delta":
            usage = TokenUsage(anthropic: event["usage"], base: usage) ?? usage
            let delta = try reader.object(event["delta"], at: "message_delta.delta")
            guard let reason = try reader.optionalString(delta["stop_reason"], at: "message_delta.delta.stop_reason")
            else { return [] }
            let finishReason = WireTranslation.openAIFinishReason(fromAnthropic: reason)
            self.finishReason = finishReason
            return [chunk(delta: [:], finishReason: .string(finishReason))]
        case "message_stop":
            return end()
        case "error":
            let error = try reader.object(event["error"], at: "error.error")
            let kind = try reader.optionalString(error["type"], at: "error.error.type") ?? "api_error"
            let text = try reader.optionalString(error["message"], at: "error.error.message") ?? "upstream error"
            return fail(type: kind, message: text)
        default:
            return []  // ping, content_block_stop, and event types added later
        }
    }

    /// What is still owed once the upstream stream has ended. A stream cut before it said why it stopped ends
    /// with an error chunk rather than `[DONE]`: the answer is incomplete and the client must not take it as whole.
    public mutating func finish() -> [SSEMessage] {
        guard !isFinished else { return [] }
        if finishReason != nil { return end() }
        return fail(type: "api_error", message: "the upstream stream ended before the answer was complete")
    }

    private mutating func blockStart(_ event: [String: JSONValue]) throws -> [SSEMessage] {
        let reader = WireReader.upstream
        let index = try reader.int(event["index"], at: "content_block_start.index")
        let block = try reader.object(event["content_block"], at: "content_block_start.content_block")
        switch try reader.string(block["type"], at: "content_block_start.content_block.type") {
        case "text":
            let text = try reader.optionalString(block["text"], at: "content_block_start.content_block.text") ?? ""
            return text.isEmpty ? [] : [chunk(delta: ["content": .string(text)])]
        case "tool_use":
            let id = try reader.string(block["id"], at: "content_block_start.content_block.id")
            let name = try reader.string(block["name"], at: "content_block_start.content_block.name")
            let toolCallIndex = toolCallIndexByBlock.count
            toolCallIndexByBlock[index] = toolCallIndex
            let call: JSONValue = [
                "index": .int(Int64(toolCallIndex)), "id": .string(id), "type": "function",
                "function": ["name": .string(name), "arguments": ""],
            ]
            return [chunk(delta: ["tool_calls": [call]])]
        default:
            return []
        }
    }

    private func blockDelta(_ event: [String: JSONValue]) throws -> [SSEMessage] {
        let reader = WireReader.upstream
        let index = try reader.int(event["index"], at: "content_block_delta.index")
        let delta = try reader.object(event["delta"], at: "content_block_delta.delta")
        switch try reader.string(delta["type"], at: "content_block_delta.delta.type") {
        case "text_delta":
            let text = try reader.string(delta["text"], at: "content_block_delta.delta.text")
            return text.isEmpty ? [] : [chunk(delta: ["content": .string(text)])]
        case "input_json_delta":
            // Fragments of blocks that are not translated (server tool calls) have no index and are dropped.
            guard let toolCallIndex = toolCallIndexByBlock[index] else { return [] }
            let json = try reader.string(delta["partial_json"], at: "content_block_delta.delta.partial_json")
            guard !json.isEmpty else { return [] }
            let call: JSONValue = ["index": .int(Int64(toolCallIndex)), "function": ["arguments": .string(json)]]
            return [chunk(delta: ["tool_calls": [call]])]
        default:
            return []  // thinking_delta, signature_delta, citations_delta
        }
    }

    private mutating func end() -> [SSEMessage] {
        isFinished = true
        var messages: [SSEMessage] = []
        if includeUsage {
            var usageChunk = header()
            usageChunk["choices"] = []
            usageChunk["usage"] = usage.openAIUsageJSON
            messages.append(SSEMessage(data: JSONValue.object(usageChunk).canonicalString()))
        }
        messages.append(.done)
        return messages
    }

    private mutating func fail(type: String, message: String) -> [SSEMessage] {
        isFinished = true
        upstreamError = "\(type): \(message)"
        let error: JSONValue = ["error": ["message": .string(message), "type": .string(type), "code": .null]]
        return [SSEMessage(data: error.canonicalString())]
    }

    private func header() -> [String: JSONValue] {
        [
            "id": .string(id ?? "chatcmpl-gateway"), "object": "chat.completion.chunk", "created": .int(created),
            "model": .string(model),
        ]
    }

    /// A chunk with one choice. With `include_usage`, OpenAI sends `usage: null` on every chunk but the last.
    private func chunk(delta: JSONValue, finishReason: JSONValue = .null) -> SSEMessage {
        var chunk = header()
        chunk["choices"] = [["index": 0, "delta": delta, "logprobs": .null, "finish_reason": finishReason]]
        if includeUsage { chunk["usage"] = .null }
        return SSEMessage(data: JSONValue.object(chunk).canonicalString())
    }
}
