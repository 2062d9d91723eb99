public import HangarCore

/// Tokens of one call, in the gateway's own terms: `inputTokens` counts every prompt token, cached ones
/// included (OpenAI's convention; Anthropic's `input_tokens` excludes cache reads and is converted).
public struct TokenUsage: Sendable, Hashable {
    public var inputTokens: Int64
    public var outputTokens: Int64
    public var cachedInputTokens: Int64

    public init(inputTokens: Int64 = 0, outputTokens: Int64 = 0, cachedInputTokens: Int64 = 0) {
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
        self.cachedInputTokens = cachedInputTokens
    }

    public var totalTokens: Int64 { inputTokens + outputTokens }

    /// Reads an OpenAI `usage` object (chat or embeddings).
    public init?(openAI usage: JSONValue?) {
        guard let usage, case .object = usage else { return nil }
        let prompt = usage["prompt_tokens"]?.intValue ?? 0
        self.init(
            inputTokens: prompt, outputTokens: usage["completion_tokens"]?.intValue ?? 0,
            cachedInputTokens: usage["prompt_tokens_details"]?["cached_tokens"]?.intValue ?? 0)
    }

    /// Reads an Anthropic `usage` object; absent fields keep what `base` had (a stream reports input tokens in
    /// `message_start` and output tokens in `message_delta`).
    public init?(anthropic usage: JSONValue?, base: TokenUsage = TokenUsage()) {
        guard let usage, case .object = usage else { return nil }
        let cacheRead = usage["cache_read_input_tokens"]?.intValue
        let cacheWrite = usage["cache_creation_input_tokens"]?.intValue ?? 0
        let uncached = usage["input_tokens"]?.intValue
        let cached = cacheRead ?? base.cachedInputTokens
        let input = uncached.map { $0 + cached + cacheWrite } ?? base.inputTokens
        self.init(
            inputTokens: input, outputTokens: usage["output_tokens"]?.intValue ?? base.outputTokens,
            cachedInputTokens: cached)
    }

    var json: JSONValue {
        [
            "input_tokens": .int(inputTokens), "output_tokens": .int(outputTokens),
            "cached_input_tokens": .int(cachedInputTokens),
        ]
    }
}
