import HangarCore

/// Spots the usage of an OpenAI stream chunk without parsing every chunk: only a chunk that names `usage` with
/// something other than `null` is parsed (whatever its spacing), which is the final chunk of a stream asked for
/// with `stream_options.include_usage`.
enum OpenAIUsageChunk {
    /// The usage the chunk reports, if it reports one, and whether it is the usage-only chunk (`choices: []`).
    static func read(_ data: String) -> (usage: TokenUsage, usageOnly: Bool)? {
        guard data.contains("\"usage\""), !data.contains("\"usage\":null"),
            let json = try? JSONValue.parse(data), let usage = TokenUsage(openAI: json["usage"])
        else { return nil }
        return (usage, json["choices"]?.arrayValue?.isEmpty ?? false)
    }
}
