import HangarCore

/// Turns an OpenAI chat completion stream into an Anthropic messages stream, one upstream chunk at a time.
///
/// The first chunk gives `message_start`. Text opens a text block, each tool call its own `tool_use` block (its
/// `arguments` fragments become `input_json_delta`s); a block is closed when the next one opens or the choice
/// finishes, so indices count up from 0 in the order content arrived. `message_delta` (stop reason and usage) and
/// `message_stop` wait for `[DONE]`, because OpenAI sends usage in a last chunk after the `finish_reason` one; the
/// gateway always asks an OpenAI upstream for `include_usage`.
///
/// Only choice 0 is read (the gateway never asks for more). OpenAI streams one tool call after another; a call
/// that resumes after a later one started cannot be expressed as Anthropic blocks and fails. An upstream error
/// chunk becomes an Anthropic `error` event and ends the stream.
public struct OpenAIToAnthropicStream: Sendable {
    /// The model named in `message_start`: the one the client asked for.
    public let model: String
    /// The usage seen so far (from the last chunk OpenAI sends with `include_usage`), for billing a cut stream.
    public private(set) var usage = TokenUsage()
    /// The Anthropic `stop_reason`, once the upstream has given a `finish_reason`.
    public private(set) var stopReason: String?
    /// The message of an upstream error chunk, if one came.
    public private(set) var upstreamError: String?
    /// Whether the downstream stream is over (`message_stop` or an error sent); later chunks give nothing.
    public private(set) var isFinished = false

    private enum Block {
        case text(index: Int)
        case toolCall(openAIIndex: Int64, index: Int)

        var index: Int {
            switch self {
            case .text(let index), .toolCall(_, let index): index
            }
        }
    }

    private var started = false
    private var openBlock: Block?
    private var blockCount = 0
    private var toolCallsStarted: Set<Int64> = []

    public init(model: String) {
        self.model = model
    }

    /// The Anthropic events owed for one OpenAI chunk (or `[DONE]`).
    public mutating func translate(_ message: SSEMessage) throws -> [SSEMessage] {
        guard !isFinished else { return [] }
        if message.data == SSEMessage.done.data { return end(stopReason: stopReason ?? defaultStopReason) }
        let reader = WireReader.upstream
        guard case .object(let chunk)? = try? JSONValue.parse(message.data) else {
            throw reader.error("an upstream chunk is not a JSON object")
        }
        if let error = WireReader.present(chunk["error"]) {
            return fail(message: error["message"]?.stringValue ?? "upstream error")
        }
        var events: [SSEMessage] = []
        if !started {
            started = true
            let id = WireTranslation.anthropicID(fromOpenAI: try reader.string(chunk["id"], at: "id"))
            let start: JSONValue = [
                "id": .string(id), "type": "message", "role": "assistant", "model": .string(model), "content": [],
                "stop_reason": .null, "stop_sequence": .null, "usage": usage.anthropicUsageJSON,
            ]
            events.append(event("message_start", ["type": "message_start", "message": start]))
        }
        if let reported = TokenUsage(openAI: chunk["usage"]) { usage = reported }
        for (offset, value) in (try reader.optionalArray(chunk["choices"], at: "choices") ?? []).enumerated() {
            let path = "choices[\(offset)]"
            let choice = try reader.object(value, at: path)
            guard (try reader.optionalInt(choice["index"], at: "\(path).index") ?? 0) == 0 else { continue }
            if let delta = try reader.optionalObject(choice["delta"], at: "\(path).delta") {
                events += try translate(delta: delta, at: "\(path).delta")
            }
            if let reason = try reader.optionalString(choice["finish_reason"], at: "\(path).finish_reason") {
                events += closeBlock()
                // An answer that called tools stops with `tool_use` whatever the upstream said (see
                // `anthropicResponse(fromOpenAI:)`).
                stopReason =
                    toolCallsStarted.isEmpty ? WireTranslation.anthropicStopReason(fromOpenAI: reason) : "tool_use"
            }
        }
        return events
    }

    /// What is still owed once the upstream stream has ended. Without `[DONE]` but after a `finish_reason` the
    /// answer is whole (usage may be missing); before one, it was cut and ends with an `error` event.
    public mutating func finish() -> [SSEMessage] {
        guard !isFinished else { return [] }
        if let stopReason { return end(stopReason: stopReason) }
        return fail(message: "the upstream stream ended before the answer was complete")
    }

    /// `[DONE]` without a `finish_reason` (some compatible servers) still ends the answer normally.
    private var defaultStopReason: String { toolCallsStarted.isEmpty ? "end_turn" : "tool_use" }

    private mutating func translate(delta: [String: JSONValue], at path: String) throws -> [SSEMessage] {
        let reader = WireReader.upstream
        var events: [SSEMessage] = []
        // A refusal streams like text; there is no separate Anthropic block for it.
        for key in ["content", "refusal"] {
            guard let text = try reader.optionalString(delta[key], at: "\(path).\(key)"), !text.isEmpty else {
                continue
            }
            if case .text? = openBlock {
            } else {
                events += closeBlock()
                events += open(.text(index: blockCount), ["type": "text", "text": ""])
            }
            events += blockDelta(["type": "text_delta", "text": .string(text)])
        }
        for (offset, value) in (try reader.optionalArray(delta["tool_calls"], at: "\(path).tool_calls") ?? [])
            .enumerated()
        {
            events += try toolCall(value, at: "\(path).tool_calls[\(offset)]")
        }
        return events
    }

    private mutating func toolCall(_ value: JSONValue, at path: String) throws -> [SSEMessage] {
        let reader = WireReader.upstream
        let call = try reader.object(value, at: path)
        let openAIIndex = try reader.int(call["index"], at: "\(path).index")
        let function = try reader.optionalObject(call["function"], at: "\(path).function") ?? [:]
        var events: [SSEMessage] = []
        if !toolCallsStarted.contains(openAIIndex) {
            let id = try reader.string(call["id"], at: "\(path).id")
            let name = try reader.string(function["name"], at: "\(path).function.name")
            toolCallsStarted.insert(openAIIndex)
            events += closeBlock()
            events += open(
                .toolCall(openAIIndex: openAIIndex, index: blockCount),
                ["type": "tool_use", "id": .string(id), "name": .string(name), "input": [:]])
        } else if case .toolCall(openAIIndex, _)? = openBlock {
        } else {
            throw reader.error("\(path) continues tool call \(openAIIndex) after another block started")
        }
        let arguments = try reader.optionalString(function["arguments"], at: "\(path).function.arguments") ?? ""
        if !arguments.isEmpty {
            events += blockDelta(["type": "input_json_delta", "partial_json": .string(arguments)])
        }
        return events
    }

    private mutating func open(_ block: Block, _ contentBlock: JSONValue) -> [SSEMessage] {
        openBlock = block
        blockCount += 1
        return [
            event(
                "content_block_start",
                ["type": "content_block_start", "index": .int(Int64(block.index)), "content_block": contentBlock])
        ]
    }

    private func blockDelta(_ delta: JSONValue) -> [SSEMessage] {
        guard let openBlock else { return [] }
        return [
            event(
                "content_block_delta",
                ["type": "content_block_delta", "index": .int(Int64(openBlock.index)), "delta": delta])
        ]
    }

    private mutating func closeBlock() -> [SSEMessage] {
        guard let block = openBlock else { return [] }
        openBlock = nil
        return [event("content_block_stop", ["type": "content_block_stop", "index": .int(Int64(block.index))])]
    }

    private mutating func end(stopReason: String) -> [SSEMessage] {
        guard started else { return fail(message: "the upstream stream ended before the answer was complete") }
        isFinished = true
        self.stopReason = stopReason
        let delta: JSONValue = ["stop_reason": .string(stopReason), "stop_sequence": .null]
        return closeBlock() + [
            event("message_delta", ["type": "message_delta", "delta": delta, "usage": usage.anthropicUsageJSON]),
            event("message_stop", ["type": "message_stop"]),
        ]
    }

    private mutating func fail(message: String) -> [SSEMessage] {
        isFinished = true
        upstreamError = message
        return [event("error", ["type": "error", "error": ["type": "api_error", "message": .string(message)]])]
    }

    private func event(_ name: String, _ data: JSONValue) -> SSEMessage {
        SSEMessage(event: name, data: data.canonicalString())
    }
}
