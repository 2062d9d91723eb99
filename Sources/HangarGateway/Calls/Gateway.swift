public import HangarCore
public import HangarStore
public import Logging
import Synchronization

/// Hangar's LLM gateway: every model call goes through here to be authenticated, limited, budgeted, routed,
/// retried, priced and recorded, whether it comes from an HTTP client (the server's OpenAI and Anthropic
/// routes) or from Swift code in Hangar (memory, the built-in agent).
///
/// Run ``GatewayService`` beside it: it writes the call events and ledger settlements.
public final class Gateway: Sendable {
    public let config: GatewayConfig
    public let keys: KeyRing
    let storage: any HangarStorage
    let client: UpstreamClient
    let health: DeploymentHealth
    let limiter: KeyLimiter
    let journal: CallJournal
    let cache: ResponseCache
    let clock: HangarClock
    let logger: Logger
    private let openAccounts = Mutex<Set<String>>([])

    public init(
        config: GatewayConfig, storage: any HangarStorage, client: UpstreamClient = UpstreamClient(),
        clock: HangarClock = .system, logger: Logger
    ) {
        self.config = config
        self.storage = storage
        self.client = client
        self.clock = clock
        self.logger = logger
        keys = KeyRing(storage: storage, clock: clock)
        health = DeploymentHealth(settings: config.resilience, clock: clock)
        limiter = KeyLimiter(clock: clock)
        journal = CallJournal(storage: storage, logger: logger)
        cache = ResponseCache(clock: clock)
    }

    /// The key behind a bearer token or `x-api-key`; nil when the gateway runs without keys and none was sent.
    public func authenticate(_ token: String?) async throws -> VirtualKey? {
        guard let token, !token.isEmpty else {
            guard !config.requireKey else {
                throw HangarError(.invalidAPIKey, "an API key is required (Authorization: Bearer hk_…)")
            }
            return nil
        }
        return try await keys.authenticate(token)
    }

    /// The aliases a key may use, in name order.
    public func models(for key: VirtualKey?) -> [RouteConfig] {
        config.routes.values.filter { key?.allows(model: $0.alias) ?? true }.sorted { $0.alias < $1.alias }
    }

    /// Writes every call event and settlement recorded so far (tests and shutdown; ``GatewayService`` does it
    /// continuously).
    public func flush() async { await journal.flush() }

    /// Opens the ledger account of a key's current budget period (calls do it on their own; the orchestrator and
    /// tests use it to attach or pre-charge spend).
    public func ensureBudget(for key: VirtualKey) async throws {
        guard let budget = key.budget else { return }
        try await ensureAccount(key.budgetAccount(at: clock.nowMilliseconds()), limit: budget)
    }

    /// Closes the upstream connections (``GatewayService`` does it on shutdown).
    public func shutdown() async throws {
        try await client.shutdown()
    }

    func route(_ model: String, for key: VirtualKey?, embeddings: Bool) throws -> RouteConfig {
        guard let route = config.routes[model], key?.allows(model: model) ?? true, route.embeddings == embeddings
        else {
            throw HangarError(
                .modelNotFound, "the model '\(model)' does not exist or you do not have access to it",
                details: ["param": "model"])
        }
        return route
    }

    /// Opens the ledger account of a key's current period once per process (opening is idempotent).
    func ensureAccount(_ account: String, limit: Int64) async throws {
        guard !openAccounts.withLock({ $0.contains(account) }) else { return }
        if try await storage.budget(account) == nil {
            try await storage.openBudget(account, limit: Money(units: limit, currency: ModelPrice.currency))
        }
        _ = openAccounts.withLock { $0.insert(account) }
    }
}
