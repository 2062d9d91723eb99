public import HangarCore

// The gateway's error codes. Their OpenAI- and Anthropic-style renderings (status, `type`) are decided once, in
// `GatewayErrorRendering`.
extension HangarError.Code {
    /// The model or alias is not configured, or the key may not use it.
    public static let modelNotFound = Self("model_not_found", family: .notFound)
    /// The key is missing, malformed, unknown or revoked.
    public static let invalidAPIKey = Self("invalid_api_key", family: .unauthorized)
    /// A request, token or cost limit of the key refused the call.
    public static let gatewayRateLimited = Self("rate_limit_exceeded", family: .rateLimited)
    /// The key's cost budget cannot cover the call's worst case.
    public static let insufficientQuota = Self("insufficient_quota", family: .rateLimited)
    /// `max_tokens` is beyond what the model's route allows.
    public static let maxTokensTooLarge = Self("max_tokens_too_large", family: .invalidInput)
    /// Every deployment of the route (and its fallbacks) failed.
    public static let upstreamUnavailable = Self("upstream_unavailable", family: .unavailable)
    /// The upstream answered something that is not its wire format.
    public static let upstreamInvalidResponse = Self("upstream_invalid_response", family: .unavailable)
    /// The upstream did not answer within the deployment's timeout.
    public static let upstreamTimeout = Self("upstream_timeout", family: .timedOut)
    /// The upstream refused the request itself (a 4xx other than 429): passed on with its status.
    public static let upstreamRejected = Self("upstream_rejected", family: .invalidInput)
}
