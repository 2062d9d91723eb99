import HangarCore

// Rendering ``TokenUsage`` in each format's terms. The arithmetic is the point: OpenAI's `prompt_tokens` counts
// cached tokens, Anthropic's `input_tokens` does not (cache reads are `cache_read_input_tokens`).
extension TokenUsage {
    /// OpenAI `usage`: `prompt_tokens` is every prompt token, `prompt_tokens_details.cached_tokens` the part read
    /// from cache.
    var openAIUsageJSON: JSONValue {
        [
            "prompt_tokens": .int(inputTokens), "completion_tokens": .int(outputTokens),
            "total_tokens": .int(totalTokens), "prompt_tokens_details": ["cached_tokens": .int(cachedInputTokens)],
        ]
    }

    /// Anthropic `usage`: cache reads are taken out of `input_tokens`. OpenAI does not report cache writes, so
    /// `cache_creation_input_tokens` is 0 and any written tokens stay in `input_tokens`.
    var anthropicUsageJSON: JSONValue {
        let cached = min(max(cachedInputTokens, 0), max(inputTokens, 0))
        return [
            "input_tokens": .int(max(inputTokens, 0) - cached), "output_tokens": .int(outputTokens),
            "cache_read_input_tokens": .int(cached), "cache_creation_input_tokens": 0,
        ]
    }
}
