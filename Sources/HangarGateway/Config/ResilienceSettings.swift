/// Retries, cooldowns and circuit breaking, shared by every route.
public struct ResilienceSettings: Sendable, Hashable {
    /// First backoff; doubles per attempt up to `maxBackoff`, each wait drawn uniformly from its upper half.
    public var baseBackoff: Duration = .milliseconds(100)
    public var maxBackoff: Duration = .seconds(2)
    /// A `Retry-After` longer than this is not waited for: the call moves on to another deployment.
    public var maxRetryAfter: Duration = .seconds(10)
    /// Consecutive failures that put a deployment on cooldown, and for how long.
    public var cooldownFailures: Int = 3
    public var cooldown: Duration = .seconds(30)
    /// Consecutive failures that open the circuit, how long it stays open, and how many probe calls the half-open
    /// state lets through at once.
    public var breakerFailures: Int = 5
    public var breakerOpen: Duration = .seconds(30)
    public var halfOpenProbes: Int = 1
    /// Longest silence between two events of an upstream stream.
    public var streamIdleTimeout: Duration = .seconds(60)

    public init() {}
}
