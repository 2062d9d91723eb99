/// The usage a reply reports: the rule's numbers where it gives them, computed ones elsewhere.
struct ResolvedUsage: Sendable, Equatable {
    var prompt: Int
    var completion: Int
    var cached: Int
    var cacheCreation: Int

    /// Prompt tokens default to `promptBytes / 4` rounded up, completion tokens to `tokens`.
    init(_ scripted: MockUsage?, promptBytes: Int, tokens: Int) {
        prompt = scripted?.promptTokens ?? (promptBytes + 3) / 4
        completion = scripted?.completionTokens ?? tokens
        cached = scripted?.cachedTokens ?? 0
        cacheCreation = scripted?.cacheCreationTokens ?? 0
    }
}
