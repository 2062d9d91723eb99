import HangarCore

/// One rule of a mock script: which requests it answers (`model`, `contains`, `times`) and how.
public struct MockRule: Sendable, Hashable {
    /// How a rule answers once it matched.
    public enum Answer: Sendable, Hashable {
        case reply(MockReply)
        case error(MockErrorReply)
        /// 200 with a body that is not JSON.
        case garbage
    }

    /// The exact model name a request must ask for; `nil` matches any model.
    public var model: String?
    /// A substring the last user message's text must contain; `nil` matches any text.
    public var contains: String?
    /// How many requests the rule answers before it is skipped; `nil` is unlimited.
    public var times: Int?
    /// How long to wait before the response headers.
    public var delay: Duration
    public var answer: Answer
    public var usage: MockUsage?
    /// Streaming pace; 0 sends tokens as fast as the connection takes them.
    public var tokensPerSecond: Double
    /// Extra wait before the first token of a stream (after the headers and the opening frames).
    public var firstTokenDelay: Duration
    /// Streaming: close the connection after this many tokens, without the closing frames.
    public var cutAfterTokens: Int?

    public init(
        model: String? = nil, contains: String? = nil, times: Int? = nil, delay: Duration = .zero,
        answer: Answer = .reply(.default), usage: MockUsage? = nil, tokensPerSecond: Double = 0,
        firstTokenDelay: Duration = .zero, cutAfterTokens: Int? = nil
    ) {
        self.model = model
        self.contains = contains
        self.times = times
        self.delay = delay
        self.answer = answer
        self.usage = usage
        self.tokensPerSecond = tokensPerSecond
        self.firstTokenDelay = firstTokenDelay
        self.cutAfterTokens = cutAfterTokens
    }

    /// Whether a request for `model` whose last user message reads `text` is one this rule answers (uses left
    /// are counted elsewhere).
    func matches(model requested: String?, text: String) -> Bool {
        if let model, model != requested { return false }
        if let contains, !text.contains(contains) { return false }
        return true
    }

    static let keys: Set<String> = [
        "model", "contains", "times", "error", "delay_ms", "garbage", "reply", "usage", "tokens_per_second",
        "first_token_delay_ms", "cut_after_tokens",
    ]
    private static let replyOnlyKeys = ["usage", "tokens_per_second", "first_token_delay_ms", "cut_after_tokens"]
    private static let milliseconds = 0...3_600_000

    init(reading object: ScriptObject) throws {
        let error = try object.object("error", allowed: MockErrorReply.keys).map(MockErrorReply.init(reading:))
        let reply = try object.object("reply", allowed: MockReply.keys).map(MockReply.init(reading:))
        let garbage = try object.bool("garbage") ?? false
        let answers = [error != nil, reply != nil, garbage].filter { $0 }.count
        guard answers <= 1 else { throw object.invalid("a rule answers with one of 'reply', 'error' or 'garbage'") }
        if error != nil || garbage, let key = Self.replyOnlyKeys.first(where: object.has) {
            throw object.invalid("'\(key)' applies only to a reply, not to '\(garbage ? "garbage" : "error")'")
        }
        let answer: Answer =
            if let error { .error(error) } else if garbage { .garbage } else { .reply(reply ?? .default) }
        self.init(
            model: try object.string("model"), contains: try object.string("contains"),
            times: try object.int("times", in: 1...Int(Int32.max)),
            delay: .milliseconds(try object.int("delay_ms", in: Self.milliseconds) ?? 0), answer: answer,
            usage: try object.object("usage", allowed: MockUsage.keys).map(MockUsage.init(reading:)),
            tokensPerSecond: try object.number("tokens_per_second", in: 0...1_000_000) ?? 0,
            firstTokenDelay: .milliseconds(try object.int("first_token_delay_ms", in: Self.milliseconds) ?? 0),
            cutAfterTokens: try object.int("cut_after_tokens", in: 0...Int(Int32.max)))
    }
}
