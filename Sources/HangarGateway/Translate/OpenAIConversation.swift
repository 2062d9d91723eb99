import HangarCore

/// OpenAI chat messages built from an Anthropic `system` and `messages`.
///
/// The top-level system prompt becomes a leading system message. A user message's `tool_result` blocks become
/// `tool` messages, placed before the rest of that user message, since OpenAI wants tool results right after the
/// assistant message that called the tools. Assistant `tool_use` blocks become `tool_calls`, their `input`
/// serialized into the `arguments` string; thinking blocks are dropped.
struct OpenAIConversation {
    private(set) var messages: [JSONValue] = []

    init(anthropicSystem: JSONValue?, messages anthropicMessages: [JSONValue]) throws {
        let reader = WireReader.request
        switch WireReader.present(anthropicSystem) {
        case nil: break
        case .string(let text)?: messages.append(["role": "system", "content": .string(text)])
        case .array(let blocks)?:
            let parts = try blocks.enumerated().map { offset, value in
                let path = "system[\(offset)]"
                return try WireTranslation.openAIPart(
                    fromAnthropicBlock: try reader.object(value, at: path), at: path, kinds: .text)
            }
            if !parts.isEmpty { messages.append(["role": "system", "content": .array(parts)]) }
        default: throw reader.error("system must be a string or an array of text blocks")
        }
        guard !anthropicMessages.isEmpty else { throw reader.error("messages must not be empty") }
        for (offset, value) in anthropicMessages.enumerated() {
            let path = "messages[\(offset)]"
            let message = try reader.object(value, at: path)
            let role = try reader.string(message["role"], at: "\(path).role")
            guard role == "user" || role == "assistant" else {
                throw reader.error("\(path).role \"\(role)\" is not supported")
            }
            switch WireReader.present(message["content"]) {
            case .string(let text)?:
                messages.append(["role": .string(role), "content": .string(text)])
            case .array(let blocks)?:
                if role == "user" {
                    try addUser(blocks, at: "\(path).content")
                } else {
                    messages.append(try Self.assistant(blocks, at: "\(path).content"))
                }
            case nil: throw reader.error("\(path).content is required")
            default: throw reader.error("\(path).content must be a string or an array of content blocks")
            }
        }
    }

    private mutating func addUser(_ blocks: [JSONValue], at path: String) throws {
        let reader = WireReader.request
        var toolMessages: [JSONValue] = []
        var parts: [JSONValue] = []
        for (offset, value) in blocks.enumerated() {
            let blockPath = "\(path)[\(offset)]"
            let block = try reader.object(value, at: blockPath)
            if block["type"] == "tool_result" {
                toolMessages.append(try Self.toolMessage(block, at: blockPath))
            } else {
                parts.append(
                    try WireTranslation.openAIPart(fromAnthropicBlock: block, at: blockPath, kinds: .textAndImages))
            }
        }
        messages += toolMessages
        if !parts.isEmpty || toolMessages.isEmpty { messages.append(["role": "user", "content": .array(parts)]) }
    }

    /// `{type: tool_result, tool_use_id, content}` → `{role: tool, tool_call_id, content}`. OpenAI tool messages
    /// hold text only, so an image in a result is refused; `is_error` has no counterpart.
    private static func toolMessage(_ block: [String: JSONValue], at path: String) throws -> JSONValue {
        let reader = WireReader.request
        let id = try reader.string(block["tool_use_id"], at: "\(path).tool_use_id")
        let content: JSONValue
        switch WireReader.present(block["content"]) {
        case nil: content = ""
        case .string(let text)?: content = .string(text)
        case .array(let blocks)?:
            content = .array(
                try blocks.enumerated().map { offset, value in
                    let partPath = "\(path).content[\(offset)]"
                    return try WireTranslation.openAIPart(
                        fromAnthropicBlock: try reader.object(value, at: partPath), at: partPath, kinds: .text)
                })
        default: throw reader.error("\(path).content must be a string or an array of content blocks")
        }
        return ["role": "tool", "tool_call_id": .string(id), "content": content]
    }

    /// Text blocks joined into `content` (`null` when the message only calls tools), `tool_use` blocks into
    /// `tool_calls`.
    private static func assistant(_ blocks: [JSONValue], at path: String) throws -> JSONValue {
        let reader = WireReader.request
        var texts: [String] = []
        var calls: [JSONValue] = []
        for (offset, value) in blocks.enumerated() {
            let blockPath = "\(path)[\(offset)]"
            let block = try reader.object(value, at: blockPath)
            let type = try reader.string(block["type"], at: "\(blockPath).type")
            switch type {
            case "text":
                texts.append(try reader.string(block["text"], at: "\(blockPath).text"))
            case "tool_use":
                let id = try reader.string(block["id"], at: "\(blockPath).id")
                let name = try reader.string(block["name"], at: "\(blockPath).name")
                let input = try reader.object(block["input"], at: "\(blockPath).input")
                calls.append(toolCall(id: id, name: name, arguments: JSONValue.object(input).canonicalString()))
            case "thinking", "redacted_thinking":
                continue
            default:
                throw reader.error("\(blockPath).type \"\(type)\" is not supported")
            }
        }
        var message: [String: JSONValue] = [
            "role": "assistant", "content": texts.isEmpty && !calls.isEmpty ? .null : .string(texts.joined()),
        ]
        if !calls.isEmpty { message["tool_calls"] = .array(calls) }
        return .object(message)
    }

    static func toolCall(id: String, name: String, arguments: String) -> JSONValue {
        ["id": .string(id), "type": "function", "function": ["name": .string(name), "arguments": .string(arguments)]]
    }
}
