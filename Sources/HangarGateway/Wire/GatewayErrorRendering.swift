public import HangarCore

/// How a gateway error looks to a model client: OpenAI's `{"error":{"message","type","param","code"}}` or
/// Anthropic's `{"type":"error","error":{"type","message"}}`, with the status each SDK expects. The one place
/// gateway codes become wire errors.
public struct GatewayErrorRendering: Sendable {
    public var status: Int
    public var openAIType: String
    public var anthropicType: String
    public var error: HangarError

    public init(_ error: HangarError) {
        self.error = error
        switch error.code {
        case .insufficientQuota, .gatewayRateLimited:
            (status, openAIType, anthropicType) = (
                429, error.code == .insufficientQuota ? "insufficient_quota" : "requests", "rate_limit_error"
            )
        case .invalidAPIKey:
            (status, openAIType, anthropicType) = (401, "invalid_request_error", "authentication_error")
        case .modelNotFound:
            (status, openAIType, anthropicType) = (404, "invalid_request_error", "not_found_error")
        case .upstreamTimeout:
            (status, openAIType, anthropicType) = (504, "api_error", "timeout_error")
        case .upstreamUnavailable, .upstreamInvalidResponse:
            (status, openAIType, anthropicType) = (502, "api_error", "api_error")
        case .upstreamRejected:
            let upstream = error.details["upstream_status"]?.intValue.map(Int.init) ?? 400
            (status, openAIType, anthropicType) = (upstream, "invalid_request_error", "invalid_request_error")
        default:
            let status = error.code.family.httpStatus
            switch status {
            case 400, 413:
                (self.status, openAIType, anthropicType) = (status, "invalid_request_error", "invalid_request_error")
            case 401: (self.status, openAIType, anthropicType) = (401, "invalid_request_error", "authentication_error")
            case 403: (self.status, openAIType, anthropicType) = (403, "invalid_request_error", "permission_error")
            case 404: (self.status, openAIType, anthropicType) = (404, "invalid_request_error", "not_found_error")
            case 429: (self.status, openAIType, anthropicType) = (429, "requests", "rate_limit_error")
            case 503: (self.status, openAIType, anthropicType) = (503, "api_error", "overloaded_error")
            default: (self.status, openAIType, anthropicType) = (status, "api_error", "api_error")
            }
        }
    }

    public var openAIBody: JSONValue {
        [
            "error": [
                "message": .string(error.message), "type": .string(openAIType),
                "param": error.details["param"] ?? .null, "code": .string(error.code.rawValue),
            ]
        ]
    }

    public var anthropicBody: JSONValue {
        ["type": "error", "error": ["type": .string(anthropicType), "message": .string(error.message)]]
    }

    /// The headers the error carries: `Retry-After` and the `x-ratelimit-*` figures from its details.
    public var headers: [(String, String)] {
        var headers: [(String, String)] = []
        if let seconds = error.details["retry_after_seconds"]?.intValue {
            headers.append(("retry-after", "\(seconds)"))
        }
        for (name, value) in error.details.sorted(by: { $0.key < $1.key }) where name.hasPrefix("x-ratelimit-") {
            if let text = value.stringValue { headers.append((name, text)) }
        }
        return headers
    }
}
