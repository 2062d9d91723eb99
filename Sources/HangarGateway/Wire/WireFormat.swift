/// The two model API dialects the gateway speaks, as a server (what a client sent) and as a client (what a
/// provider expects).
public enum WireFormat: String, Sendable, Hashable, CaseIterable {
    /// OpenAI Chat Completions (`/v1/chat/completions`), also spoken by most other providers and local servers.
    case openai
    /// Anthropic Messages (`/v1/messages`).
    case anthropic

    /// The path of a chat call in this format, after the provider's base URL (which ends in `/v1`).
    var chatPath: String {
        switch self {
        case .openai: "/chat/completions"
        case .anthropic: "/messages"
        }
    }
}
