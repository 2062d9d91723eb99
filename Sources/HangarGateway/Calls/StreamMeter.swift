import HangarCore

/// Watches an upstream stream for its usage and end: the upstream's own usage report when it comes, otherwise
/// a count of the deltas seen so far (about one token each), so a stream cut short or abandoned by its client
/// is still billed for what was produced.
struct StreamMeter {
    let format: WireFormat
    let promptEstimate: Int64
    private(set) var reported: TokenUsage?
    private(set) var deltas: Int64 = 0
    private(set) var finished = false

    init(format: WireFormat, promptEstimate: Int64) {
        self.format = format
        self.promptEstimate = promptEstimate
    }

    mutating func observe(_ message: SSEMessage) {
        switch format {
        case .openai:
            if message.data == "[DONE]" {
                finished = true
                return
            }
            if let (usage, _) = OpenAIUsageChunk.read(message.data) {
                reported = usage
            } else if message.data.contains("\"delta\"") {
                deltas += 1
            }
        case .anthropic:
            switch message.event {
            case "content_block_delta":
                deltas += 1
            case "message_start":
                if let json = try? JSONValue.parse(message.data) {
                    reported = TokenUsage(anthropic: json["message"]?["usage"])
                }
            case "message_delta":
                if let json = try? JSONValue.parse(message.data) {
                    reported = TokenUsage(anthropic: json["usage"], base: reported ?? TokenUsage())
                }
            case "message_stop":
                finished = true
            default:
                break
            }
        }
    }

    /// The usage to bill, and whether it is the gateway's estimate.
    var usage: (TokenUsage, estimated: Bool) {
        switch format {
        case .openai:
            if let reported, finished || reported.outputTokens > 0 { return (reported, false) }
            return (TokenUsage(inputTokens: promptEstimate, outputTokens: deltas), true)
        case .anthropic:
            let base = reported ?? TokenUsage(inputTokens: promptEstimate)
            guard finished else {
                return (
                    TokenUsage(
                        inputTokens: base.inputTokens, outputTokens: max(base.outputTokens, deltas),
                        cachedInputTokens: base.cachedInputTokens), true
                )
            }
            return (base, reported == nil)
        }
    }
}
