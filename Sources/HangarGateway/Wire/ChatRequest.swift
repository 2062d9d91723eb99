public import HangarCore

/// A chat call as a client sent it, checked for shape before anything is reserved or forwarded.
///
/// The body is kept whole, so fields the gateway does not know (new parameters, provider extensions) pass
/// through to a provider of the same format untouched; only `model`, `max_tokens` and `stream_options` are
/// rewritten on the way out.
public struct ChatRequest: Sendable {
    public var format: WireFormat
    public var body: [String: JSONValue]
    /// The alias the client asked for.
    public var model: String
    public var stream: Bool
    /// Whether the client wants usage at the end of a stream (OpenAI `stream_options.include_usage`; always for
    /// Anthropic, whose streams carry usage).
    public var includeUsage: Bool
    public var maxTokens: Int64?
    /// A generous token estimate of the prompt, for the worst-case reservation: a quarter of the body's bytes,
    /// which over-counts (JSON punctuation, keys) rather than under-counts.
    public var promptEstimate: Int64

    public init(format: WireFormat, body value: JSONValue, byteCount: Int) throws {
        guard case .object(let body) = value else { throw Self.invalid("the body must be a JSON object") }
        guard let model = body["model"]?.stringValue, !model.isEmpty else {
            throw Self.invalid("model is required and must be a non-empty string", param: "model")
        }
        self.format = format
        self.body = body
        self.model = model
        self.stream = try Self.flag(body, "stream")
        self.maxTokens = try Self.maxTokens(body, format: format)
        self.promptEstimate = Int64(byteCount / 4 + 1)
        switch format {
        case .openai:
            let options = body["stream_options"]
            if let options, options.objectValue == nil, options != .null {
                throw Self.invalid("stream_options must be an object", param: "stream_options")
            }
            self.includeUsage = options?["include_usage"]?.boolValue ?? false
        case .anthropic:
            self.includeUsage = true
            guard maxTokens != nil else { throw Self.invalid("max_tokens is required", param: "max_tokens") }
        }
        try ChatShape(format: format).check(body)
    }

    static func flag(_ body: [String: JSONValue], _ key: String) throws -> Bool {
        switch body[key] {
        case nil, .null?: return false
        case .bool(let value)?: return value
        default: throw invalid("\(key) must be true or false", param: key)
        }
    }

    static func maxTokens(_ body: [String: JSONValue], format: WireFormat) throws -> Int64? {
        let keys = format == .openai ? ["max_completion_tokens", "max_tokens"] : ["max_tokens"]
        for key in keys {
            guard let value = body[key], value != .null else { continue }
            guard let tokens = value.intValue, tokens > 0 else {
                throw invalid("\(key) must be a positive integer", param: key)
            }
            return tokens
        }
        return nil
    }

    static func invalid(_ message: String, param: String? = nil) -> HangarError {
        HangarError(.invalidRequest, message, details: param.map { ["param": .string($0)] } ?? [:])
    }
}
