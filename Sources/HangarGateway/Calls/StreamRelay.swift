import HangarCore

/// Turns upstream stream events into the client's: passed through when both speak the same format (minus the
/// usage chunk the gateway asked for and the client did not), translated otherwise.
enum StreamRelay {
    case openAI(includeUsage: Bool)
    case anthropic
    case anthropicToOpenAI(AnthropicToOpenAIStream)
    case openAIToAnthropic(OpenAIToAnthropicStream)

    init(client: WireFormat, upstream: WireFormat, model: String, includeUsage: Bool) {
        switch (client, upstream) {
        case (.openai, .openai): self = .openAI(includeUsage: includeUsage)
        case (.anthropic, .anthropic): self = .anthropic
        case (.openai, .anthropic):
            self = .anthropicToOpenAI(AnthropicToOpenAIStream(model: model, includeUsage: includeUsage))
        case (.anthropic, .openai): self = .openAIToAnthropic(OpenAIToAnthropicStream(model: model))
        }
    }

    mutating func relay(_ message: SSEMessage) throws -> [SSEMessage] {
        switch self {
        case .openAI(let includeUsage):
            if !includeUsage, OpenAIUsageChunk.read(message.data)?.usageOnly == true { return [] }
            return [message]
        case .anthropic:
            return [message]
        case .anthropicToOpenAI(var translator):
            defer { self = .anthropicToOpenAI(translator) }
            return try translator.translate(message)
        case .openAIToAnthropic(var translator):
            defer { self = .openAIToAnthropic(translator) }
            return try translator.translate(message)
        }
    }

    /// What a translator still owes the client once the upstream stream is complete.
    mutating func finish() -> [SSEMessage] {
        switch self {
        case .openAI, .anthropic:
            return []
        case .anthropicToOpenAI(var translator):
            defer { self = .anthropicToOpenAI(translator) }
            return translator.finish()
        case .openAIToAnthropic(var translator):
            defer { self = .openAIToAnthropic(translator) }
            return translator.finish()
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
