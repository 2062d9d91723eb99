/// A model name clients ask for (an alias) and how the gateway serves it.
public struct RouteConfig: Sendable, Hashable {
    public enum Strategy: String, Sendable, Hashable, CaseIterable {
        /// A random order weighted by each deployment's `weight`.
        case weighted
        /// Fewest calls in flight first.
        case leastBusy = "least_busy"
        /// Lowest recent latency (moving average) first; untried deployments count as fastest.
        case lowestLatency = "lowest_latency"
    }

    public var alias: String
    public var deployments: [DeploymentConfig]
    public var strategy: Strategy
    /// Aliases tried, in order, when every deployment of this one failed.
    public var fallbacks: [String]
    /// Extra attempts after the first, across the route's deployments.
    public var retries: Int
    /// The largest `max_tokens` a client may ask for.
    public var maxOutputTokens: Int64
    /// What a call without `max_tokens` is reserved (and, for Anthropic upstreams, sent) with.
    public var defaultMaxTokens: Int64
    /// Exact-match response cache lifetime; nil means no cache.
    public var cacheTTL: Duration?
    /// The route serves `/v1/embeddings` rather than chat.
    public var embeddings: Bool

    public init(
        alias: String, deployments: [DeploymentConfig], strategy: Strategy = .weighted, fallbacks: [String] = [],
        retries: Int = 2, maxOutputTokens: Int64 = 16_384, defaultMaxTokens: Int64 = 4_096,
        cacheTTL: Duration? = nil, embeddings: Bool = false
    ) {
        self.alias = alias
        self.deployments = deployments
        self.strategy = strategy
        self.fallbacks = fallbacks
        self.retries = retries
        self.maxOutputTokens = maxOutputTokens
        self.defaultMaxTokens = min(defaultMaxTokens, maxOutputTokens)
        self.cacheTTL = cacheTTL
        self.embeddings = embeddings
    }
}
