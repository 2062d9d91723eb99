import HangarCore

/// The usage a rule reports instead of the computed one. A field left out is computed as usual: prompt tokens
/// are a quarter of the request's message bytes (rounded up), completion tokens the number of streamed tokens.
public struct MockUsage: Sendable, Hashable {
    public var promptTokens: Int?
    public var completionTokens: Int?
    /// OpenAI's `prompt_tokens_details.cached_tokens`, Anthropic's `cache_read_input_tokens`.
    public var cachedTokens: Int
    /// Anthropic's `cache_creation_input_tokens`.
    public var cacheCreationTokens: Int

    public init(
        promptTokens: Int? = nil, completionTokens: Int? = nil, cachedTokens: Int = 0, cacheCreationTokens: Int = 0
    ) {
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
        self.cachedTokens = cachedTokens
        self.cacheCreationTokens = cacheCreationTokens
    }

    static let keys: Set<String> = ["prompt_tokens", "completion_tokens", "cached_tokens", "cache_creation_tokens"]

    init(reading object: ScriptObject) throws {
        let range = 0...100_000_000
        self.init(
            promptTokens: try object.int("prompt_tokens", in: range),
            completionTokens: try object.int("completion_tokens", in: range),
            cachedTokens: try object.int("cached_tokens", in: range) ?? 0,
            cacheCreationTokens: try object.int("cache_creation_tokens", in: range) ?? 0)
    }
}
