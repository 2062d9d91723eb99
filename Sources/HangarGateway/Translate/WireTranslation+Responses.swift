public import HangarCore

// Non-streaming answers, both ways. Shapes the upstream got wrong fail as `upstream_invalid_response`.
extension WireTranslation {
    /// An Anthropic message → an OpenAI chat completion with one choice.
    ///
    /// Text blocks are joined into `message.content` (`null` when the answer only calls tools), `tool_use` blocks
    /// become `tool_calls` with their `input` serialized, and blocks with no Chat Completions counterpart
    /// (thinking, server tool results) are left out. `created` is the completion's timestamp, which Anthropic
    /// does not send.
    public static func openAIResponse(fromAnthropic body: JSONValue, created: Int64 = unixTimeNow()) throws
        -> JSONValue
    {
        let reader = WireReader.upstream
        let message = try reader.object(body, at: "the response body")
        let id = try reader.string(message["id"], at: "id")
        var texts: [String] = []
        var calls: [JSONValue] = []
        for (offset, value) in (try reader.optionalArray(message["content"], at: "content") ?? []).enumerated() {
            let path = "content[\(offset)]"
            let block = try reader.object(value, at: path)
            switch try reader.string(block["type"], at: "\(path).type") {
            case "text":
                texts.append(try reader.string(block["text"], at: "\(path).text"))
            case "tool_use":
                let input = try reader.object(block["input"], at: "\(path).input")
                calls.append(
                    OpenAIConversation.toolCall(
                        id: try reader.string(block["id"], at: "\(path).id"),
                        name: try reader.string(block["name"], at: "\(path).name"),
                        arguments: JSONValue.object(input).canonicalString()))
            default:
                continue
            }
        }
        var reply: [String: JSONValue] = [
            "role": "assistant", "content": texts.isEmpty && !calls.isEmpty ? .null : .string(texts.joined()),
            "refusal": .null,
        ]
        if !calls.isEmpty { reply["tool_calls"] = .array(calls) }
        let finishReason = try reader.optionalString(message["stop_reason"], at: "stop_reason")
            .map { JSONValue.string(openAIFinishReason(fromAnthropic: $0)) }
        return [
            "id": .string(openAIID(fromAnthropic: id)), "object": "chat.completion", "created": .int(created),
            "model": .string(try reader.optionalString(message["model"], at: "model") ?? ""),
            "choices": [
                ["index": 0, "message": .object(reply), "finish_reason": finishReason ?? .null, "logprobs": .null]
            ],
            "usage": (TokenUsage(anthropic: message["usage"]) ?? TokenUsage()).openAIUsageJSON,
        ]
    }

    /// An OpenAI chat completion → an Anthropic message, from the first choice.
    ///
    /// `content` and any `refusal` become text blocks, `tool_calls` become `tool_use` blocks (arguments that are
    /// not a JSON object fail). An answer that calls tools always stops with `tool_use`, whatever
    /// `finish_reason` said: some OpenAI-compatible servers say `stop`, and Anthropic clients only run tools on
    /// `tool_use`.
    public static func anthropicResponse(fromOpenAI body: JSONValue) throws -> JSONValue {
        let reader = WireReader.upstream
        let completion = try reader.object(body, at: "the response body")
        let id = try reader.string(completion["id"], at: "id")
        guard let first = try reader.array(completion["choices"], at: "choices").first else {
            throw reader.error("choices must not be empty")
        }
        let choice = try reader.object(first, at: "choices[0]")
        let message = try reader.object(choice["message"], at: "choices[0].message")
        var content: [JSONValue] = []
        let text = try openAIText(message["content"], at: "choices[0].message.content")
        if !text.isEmpty { content.append(textBlock(text)) }
        let refusal = try reader.optionalString(message["refusal"], at: "choices[0].message.refusal") ?? ""
        if !refusal.isEmpty { content.append(textBlock(refusal)) }
        let calls = try reader.optionalArray(message["tool_calls"], at: "choices[0].message.tool_calls") ?? []
        for (offset, value) in calls.enumerated() {
            let path = "choices[0].message.tool_calls[\(offset)]"
            let call = try reader.object(value, at: path)
            let function = try reader.object(call["function"], at: "\(path).function")
            let arguments = try reader.string(function["arguments"], at: "\(path).function.arguments")
            content.append([
                "type": "tool_use", "id": .string(try reader.string(call["id"], at: "\(path).id")),
                "name": .string(try reader.string(function["name"], at: "\(path).function.name")),
                "input": .object(try reader.jsonObject(inString: arguments, at: "\(path).function.arguments")),
            ])
        }
        let finishReason = try reader.optionalString(choice["finish_reason"], at: "choices[0].finish_reason")
        let stopReason =
            if !calls.isEmpty { "tool_use" } else if !refusal.isEmpty { "refusal" } else {
                anthropicStopReason(fromOpenAI: finishReason ?? "stop")
            }
        return [
            "id": .string(anthropicID(fromOpenAI: id)), "type": "message", "role": "assistant",
            "model": .string(try reader.optionalString(completion["model"], at: "model") ?? ""),
            "content": .array(content), "stop_reason": .string(stopReason), "stop_sequence": .null,
            "usage": (TokenUsage(openAI: completion["usage"]) ?? TokenUsage()).anthropicUsageJSON,
        ]
    }

    /// An OpenAI message's text: a string, or (from some compatible servers) an array of text parts.
    private static func openAIText(_ value: JSONValue?, at path: String) throws -> String {
        let reader = WireReader.upstream
        switch WireReader.present(value) {
        case nil: return ""
        case .string(let text)?: return text
        case .array(let parts)?:
            return try parts.enumerated().map { offset, part in
                let partPath = "\(path)[\(offset)]"
                return try reader.optionalString(try reader.object(part, at: partPath)["text"], at: "\(partPath).text")
                    ?? ""
            }.joined()
        default: throw reader.error("\(path) must be a string or an array of content parts")
        }
    }
}
