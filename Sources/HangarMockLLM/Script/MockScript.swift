import Foundation
import HangarCore

/// What the mock LLM answers, read from a YAML or JSON file (JSON is YAML).
///
/// ```yaml
/// models: [gpt-mock, claude-mock]   # optional: what GET /v1/models lists
///                                   #   (default: every model named in a rule, then "mock")
/// embedding_dimensions: 8           # optional, 1 to 4096 (default 8)
/// rules:                            # the first matching rule with uses left answers;
///                                   #   no rule: 404 (OpenAI code model_not_found, Anthropic not_found_error)
///   - model: flaky                  # optional: the exact model name (absent: any model)
///     contains: "weather"           # optional: a substring of the last user message's text
///     times: 1                      # optional: answers this many requests, then is skipped
///     error: {status: 429, message: "slow down", retry_after: 1, type: rate_limit_error, code: null}
///   - model: slow
///     delay_ms: 30000               # wait before the response headers (a hanging upstream)
///   - model: garbage
///     garbage: true                 # 200 with a body that is not JSON
///   - model: gpt-mock
///     reply:
///       content: "It is sunny in Paris."
///       tool_calls: [{id: call_1, name: get_weather, arguments: {city: Paris}}]
///     usage: {prompt_tokens: 12, completion_tokens: 7, cached_tokens: 0, cache_creation_tokens: 0}
///     tokens_per_second: 50         # streaming pace (0 or absent: as fast as possible)
///     first_token_delay_ms: 0       # streaming: wait before the first token
///     cut_after_tokens: 5           # streaming: close the connection after 5 tokens, without the
///                                   #   closing frames ([DONE], message_stop)
/// ```
///
/// - A rule answers with at most one of `reply`, `error` or `garbage`; a rule with none of them replies
///   ``MockReply/default``. `usage`, `tokens_per_second`, `first_token_delay_ms` and `cut_after_tokens` apply
///   only to replies. `delay_ms` applies to every answer.
/// - `error` bodies follow the endpoint: OpenAI's `{"error":{"message","type","param","code"}}` on
///   `/v1/chat/completions` and `/v1/embeddings`, Anthropic's `{"type":"error","error":{"type","message"}}` on
///   `/v1/messages`. `type` defaults to the vendors' type for the status (`rate_limit_error` for 429, …).
/// - Tool-call `arguments` are a mapping (encoded as JSON with sorted keys) or a string sent verbatim.
/// - The text `contains` looks at is the last message with role `user`: its string content, or its text parts
///   joined by newlines. For `/v1/embeddings` it is the inputs joined by newlines.
/// - Streams send one token per content word with its leading white space (`"It"`, `" is"`, …), then each
///   tool call's arguments in pieces of 8 characters; each piece counts as a token. Without `usage`, prompt
///   tokens are the request's `messages` JSON bytes divided by 4 (rounded up) and completion tokens the number
///   of tokens.
///
/// Unknown keys, wrong types and values out of range are `config_invalid` errors that name the path of the
/// value, such as `$.rules[1].error.status`.
public struct MockScript: Sendable, Hashable {
    /// The models `GET /v1/models` lists, if the script names them.
    public var models: [String]?
    public var rules: [MockRule]
    public var embeddingDimensions: Int

    public init(models: [String]? = nil, rules: [MockRule], embeddingDimensions: Int = 8) {
        self.models = models
        self.rules = rules
        self.embeddingDimensions = embeddingDimensions
    }

    /// The models `GET /v1/models` lists: the script's `models`, else every model a rule names, then `mock`.
    public var listedModels: [String] {
        if let models { return models }
        var seen: Set<String> = []
        return (rules.compactMap(\.model) + ["mock"]).filter { seen.insert($0).inserted }
    }

    /// Reads a script file; a file that cannot be read or parsed is `config_invalid`.
    public static func load(path: String) throws -> MockScript {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw HangarError(.configInvalid, "cannot read the mock script '\(path)'", underlying: error)
        }
        guard data.count <= maximumSize else {
            throw HangarError(.configInvalid, "invalid mock script: the file is larger than \(maximumSize) bytes")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw HangarError(.configInvalid, "invalid mock script: the file is not UTF-8 text")
        }
        return try parse(text)
    }

    /// Reads a script from YAML or JSON text.
    public static func parse(_ text: String) throws -> MockScript {
        let root = try ScriptObject(YAMLDocument.parse(text), path: "$", allowed: keys)
        let models = try root.array("models")?.enumerated().map { index, value in
            guard case .string(let name) = value, !name.isEmpty else {
                throw ScriptObject.invalid("$.models[\(index)] must be a model name")
            }
            return name
        }
        let rules = try (root.array("rules") ?? []).enumerated().map { index, value in
            try MockRule(reading: ScriptObject(value, path: "$.rules[\(index)]", allowed: MockRule.keys))
        }
        let dimensions = try root.int("embedding_dimensions", in: 1...4096) ?? 8
        return MockScript(models: models, rules: rules, embeddingDimensions: dimensions)
    }

    static let maximumSize = 4 << 20
    private static let keys: Set<String> = ["models", "rules", "embedding_dimensions"]
}
