import HangarCore

/// A `POST /v1/messages` (Anthropic) body, as far as the mock reads it. `max_tokens` is required, as it is by
/// Anthropic.
struct MessagesRequest: ModelCall {
    let model: String
    let stream: Bool
    let text: String
    let promptBytes: Int

    init(_ body: JSONValue) throws {
        model = try body.requiredModel()
        let messages = try body.requiredMessages()
        guard let maxTokens = body["max_tokens"]?.intValue, maxTokens >= 1 else {
            throw HangarError(.invalidRequest, "max_tokens: Field required (a positive integer)")
        }
        stream = try body.flag("stream")
        text = JSONValue.lastUserText(messages)
        promptBytes = JSONValue.promptBytes(messages)
    }
}
