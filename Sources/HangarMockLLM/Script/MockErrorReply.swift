import HangarCore

/// An error a rule answers with: the HTTP status, and the body in the dialect of the endpoint (OpenAI's
/// `{"error":{…}}` or Anthropic's `{"type":"error","error":{…}}`), with `Retry-After` when `retryAfter` is set.
public struct MockErrorReply: Sendable, Hashable {
    public var status: Int
    public var message: String
    /// The error type in the body, such as `rate_limit_error`; by default the one both vendors use for
    /// the status.
    public var type: String
    /// OpenAI's `error.code` (for example `rate_limit_exceeded`); `null` when absent.
    public var code: String?
    /// Seconds, sent as the `Retry-After` header.
    public var retryAfter: Int?

    public init(status: Int, message: String? = nil, type: String? = nil, code: String? = nil, retryAfter: Int? = nil) {
        self.status = status
        self.message = message ?? "mock error \(status)"
        self.type = type ?? Self.defaultType(status: status)
        self.code = code
        self.retryAfter = retryAfter
    }

    /// The error type both OpenAI and Anthropic use for a status.
    static func defaultType(status: Int) -> String {
        switch status {
        case 401: "authentication_error"
        case 403: "permission_error"
        case 404: "not_found_error"
        case 413: "request_too_large"
        case 429: "rate_limit_error"
        case 529: "overloaded_error"
        case 400..<500: "invalid_request_error"
        default: "api_error"
        }
    }

    static let keys: Set<String> = ["status", "message", "type", "code", "retry_after"]

    init(reading object: ScriptObject) throws {
        guard let status = try object.int("status", in: 400...599) else {
            throw object.invalid("'status' is required")
        }
        self.init(
            status: status, message: try object.string("message"), type: try object.string("type"),
            code: try object.string("code"), retryAfter: try object.int("retry_after", in: 0...86_400))
    }
}
