/// One server-sent event as the model APIs use them: an optional `event:` name and one `data:` payload.
/// OpenAI streams carry only `data:` (JSON chunks, then `[DONE]`); Anthropic names every event
/// (`message_start`, `content_block_delta`, …) and repeats the name in the JSON's `type`.
public struct SSEMessage: Sendable, Hashable {
    public var event: String?
    public var data: String

    public init(event: String? = nil, data: String) {
        self.event = event
        self.data = data
    }

    /// The terminal OpenAI message.
    public static let done = SSEMessage(data: "[DONE]")

    /// The event as it goes on the wire, blank line included. Data with line breaks becomes several `data:`
    /// lines, which a reader joins back with `\n`.
    public var encoded: String {
        var text = ""
        if let event { text += "event: \(event)\n" }
        for line in data.split(separator: "\n", omittingEmptySubsequences: false) {
            text += "data: \(line)\n"
        }
        return text + "\n"
    }
}
