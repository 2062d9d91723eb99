import HangarCore

/// Turns upstream stream events into the client's: passed through when both speak the same format (minus the
/// usage chunk the gateway asked for and the client did not), translated otherwise.
enum StreamRelay {
    case openAI(includeUsage: Bool)
    case anthropic

    init(client: WireFormat, upstream: WireFormat, model: String, includeUsage: Bool) {
        switch (client, upstream) {
        case (.openai, .openai): self = .openAI(includeUsage: includeUsage)
        case (.anthropic, .anthropic): self = .anthropic
        default: self = .anthropic
        }
    }

    mutating func relay(_ message: SSEMessage) throws -> [SSEMessage] {
        switch self {
        case .openAI(let includeUsage):
            if !includeUsage, message.data.hasPrefix("{"), message.data.contains("\"choices\":[]") { return [] }
            return [message]
        case .anthropic:
            return [message]
        }
    }

    /// What a translator still owes the client once the upstream stream is complete.
    mutating func finish() -> [SSEMessage] {
        switch self {
        case .openAI, .anthropic:
            return []
        }
    }

    /// The error event that ends a stream the gateway cannot finish, in the client's format.
    static func error(_ error: HangarError, client: WireFormat) -> SSEMessage {
        let rendering = GatewayErrorRendering(error)
        switch client {
        case .openai:
            return SSEMessage(data: rendering.openAIBody.canonicalString())
        case .anthropic:
            return SSEMessage(event: "error", data: rendering.anthropicBody.canonicalString())
        }
    }
}
