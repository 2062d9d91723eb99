import HangarCore

/// An Anthropic `system` and `messages` built from OpenAI chat messages.
///
/// System and developer messages, wherever they stand, are gathered in order into the one top-level `system`
/// Anthropic has. `tool` messages become `tool_result` blocks of a user message, and consecutive messages of the
/// same role are merged into one, since Anthropic expects roles to alternate: a run of tool results, and any user
/// text right after them, becomes a single user message whose tool results come first.
struct AnthropicConversation {
    /// The `system` field: a plain string when the conversation had exactly one system message given as a
    /// string, so that common case round-trips unchanged; text blocks otherwise; `nil` when there was none.
    private(set) var system: JSONValue?
    private(set) var messages: [JSONValue] = []

    private var systemBlocks: [JSONValue] = []
    private var systemMessageCount = 0
    private var soleSystemString: String?
    private var lastRole: String?

    init(openAIMessages: [JSONValue]) throws {
        let reader = WireReader.request
        guard !openAIMessages.isEmpty else { throw reader.error("messages must not be empty") }
        for (offset, value) in openAIMessages.enumerated() {
            let path = "messages[\(offset)]"
            let message = try reader.object(value, at: path)
            let role = try reader.string(message["role"], at: "\(path).role")
            switch role {
            case "system", "developer":
                try addSystem(message, at: path)
            case "user":
                let content: JSONValue
                if case .string(let text)? = message["content"] {
                    content = .string(text)
                } else {
                    guard WireReader.present(message["content"]) != nil else {
                        throw reader.error("\(path).content is required")
                    }
                    content = .array(
                        try WireTranslation.anthropicBlocks(
                            fromOpenAIContent: message["content"], at: "\(path).content", kinds: .textAndImages))
                }
                append(role: "user", content: content)
            case "assistant":
                append(role: "assistant", content: try Self.assistantContent(message, at: path))
            case "tool":
                let id = try reader.string(message["tool_call_id"], at: "\(path).tool_call_id")
                let content: JSONValue
                switch WireReader.present(message["content"]) {
                case nil: content = ""
                case .string(let text)?: content = .string(text)
                default:
                    content = .array(
                        try WireTranslation.anthropicBlocks(
                            fromOpenAIContent: message["content"], at: "\(path).content", kinds: .text))
                }
                append(
                    role: "user", content: [["type": "tool_result", "tool_use_id": .string(id), "content": content]])
            default:
                throw reader.error("\(path).role \"\(role)\" is not supported")
            }
        }
        if systemMessageCount == 1, let soleSystemString {
            system = .string(soleSystemString)
        } else if !systemBlocks.isEmpty {
            system = .array(systemBlocks)
        }
    }

    private mutating func addSystem(_ message: [String: JSONValue], at path: String) throws {
        systemMessageCount += 1
        if case .string(let text)? = message["content"] { soleSystemString = text }
        systemBlocks += try WireTranslation.anthropicBlocks(
            fromOpenAIContent: message["content"], at: "\(path).content", kinds: .text)
    }

    /// Text (string or parts) followed by one `tool_use` block per tool call. A plain string without tool calls
    /// stays a string.
    private static func assistantContent(_ message: [String: JSONValue], at path: String) throws -> JSONValue {
        let reader = WireReader.request
        if WireReader.present(message["function_call"]) != nil {
            throw reader.error("\(path).function_call is not supported: use tool_calls")
        }
        let toolCalls = try reader.optionalArray(message["tool_calls"], at: "\(path).tool_calls") ?? []
        if toolCalls.isEmpty, case .string(let text)? = message["content"] { return .string(text) }
        var blocks = try WireTranslation.anthropicBlocks(
            fromOpenAIContent: message["content"], at: "\(path).content", kinds: .textAndRefusals)
        for (offset, call) in toolCalls.enumerated() {
            blocks.append(try toolUseBlock(call, at: "\(path).tool_calls[\(offset)]"))
        }
        guard !blocks.isEmpty else { throw reader.error("\(path) has neither content nor tool_calls") }
        return .array(blocks)
    }

    /// `{id, type: function, function: {name, arguments}}` → `{type: tool_use, id, name, input}`, the arguments
    /// string parsed into the object Anthropic wants.
    private static func toolUseBlock(_ value: JSONValue, at path: String) throws -> JSONValue {
        let reader = WireReader.request
        let call = try reader.object(value, at: path)
        if let type = try reader.optionalString(call["type"], at: "\(path).type"), type != "function" {
            throw reader.error("\(path).type \"\(type)\" is not supported")
        }
        let id = try reader.string(call["id"], at: "\(path).id")
        let function = try reader.object(call["function"], at: "\(path).function")
        let name = try reader.string(function["name"], at: "\(path).function.name")
        let arguments = try reader.string(function["arguments"], at: "\(path).function.arguments")
        let input = try reader.jsonObject(inString: arguments, at: "\(path).function.arguments")
        return ["type": "tool_use", "id": .string(id), "name": .string(name), "input": .object(input)]
    }

    /// Appends a message, merging it into the previous one when both have the same role.
    private mutating func append(role: String, content: JSONValue) {
        defer { lastRole = role }
        guard lastRole == role, case .object(var previous)? = messages.last else {
            messages.append(["role": .string(role), "content": content])
            return
        }
        previous["content"] = .array(Self.blocks(previous["content"]) + Self.blocks(content))
        messages[messages.count - 1] = .object(previous)
    }

    private static func blocks(_ content: JSONValue?) -> [JSONValue] {
        switch content {
        case .string(let text)?: text.isEmpty ? [] : [WireTranslation.textBlock(text)]
        case .array(let blocks)?: blocks
        default: []
        }
    }
}
