import HangarCore

/// What a rule's model says: text, tool calls, or both.
public struct MockReply: Sendable, Hashable {
    /// The text; `nil` (with tool calls) makes OpenAI's `content` null and leaves out Anthropic's text block.
    public var content: String?
    public var toolCalls: [MockToolCall]

    public init(content: String?, toolCalls: [MockToolCall] = []) {
        self.content = content
        self.toolCalls = toolCalls
    }

    /// The answer of a rule that scripts no reply, error or garbage.
    public static let `default` = MockReply(content: "This is a mock reply.")

    static let keys: Set<String> = ["content", "tool_calls"]

    init(reading object: ScriptObject) throws {
        let calls = try object.array("tool_calls") ?? []
        let toolCalls = try calls.enumerated().map { index, value in
            try MockToolCall(
                reading: ScriptObject(value, path: "\(object.path).tool_calls[\(index)]", allowed: MockToolCall.keys))
        }
        let content = try object.string("content")
        guard content != nil || !toolCalls.isEmpty else {
            throw object.invalid("a reply needs 'content', 'tool_calls' or both")
        }
        self.init(content: content, toolCalls: toolCalls)
    }
}
