/// One place a model alias can be served from: a provider and the provider's own model name.
public struct DeploymentConfig: Sendable, Hashable {
    /// `provider/model`, unique within a route; shown in the `x-hangar-deployment` header and events.
    public var id: String
    public var provider: String
    public var model: String
    /// Relative share for the weighted strategy.
    public var weight: Int64
    /// The whole upstream call, first byte to last, for a non-streaming call; time to the response head for a
    /// stream (a stream then has `streamIdleTimeout` between events).
    public var timeout: Duration
    public var price: ModelPrice

    public init(
        provider: String, model: String, weight: Int64 = 1, timeout: Duration = .seconds(60),
        price: ModelPrice = .free
    ) {
        self.id = "\(provider)/\(model)"
        self.provider = provider
        self.model = model
        self.weight = weight
        self.timeout = timeout
        self.price = price
    }
}
