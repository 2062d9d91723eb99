import HangarCore

/// A `POST /v1/chat/completions` body, as far as the mock reads it.
struct ChatRequest: ModelCall {
    let model: String
    let stream: Bool
    /// `stream_options.include_usage`: the stream ends with a usage chunk.
    let includeUsage: Bool
    let text: String
    let promptBytes: Int

    init(_ body: JSONValue) throws {
        model = try body.requiredModel()
        let messages = try body.requiredMessages()
        stream = try body.flag("stream")
        includeUsage = try body["stream_options"]?.flag("include_usage") ?? false
        text = JSONValue.lastUserText(messages)
        promptBytes = JSONValue.promptBytes(messages)
    }
}
