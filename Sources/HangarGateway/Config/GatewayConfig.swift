public import Foundation
import HangarCore
import Yams

/// The gateway's configuration file: providers, model routes with their prices, and resilience settings.
///
/// ```yaml
/// require_key: true            # calls need a virtual key (hangar keys create); default true
/// providers:
///   openai: {base_url: "https://api.openai.com/v1", api_key_env: OPENAI_API_KEY, format: openai}
///   local:  {base_url: "http://127.0.0.1:9100/v1", format: openai}
/// models:
///   gpt-4o-mini:                # the alias clients ask for
///     strategy: lowest_latency  # weighted (default) | least_busy | lowest_latency
///     deployments:
///       - {provider: openai, model: gpt-4o-mini, weight: 3, timeout_ms: 30000}
///       - {provider: local, model: llama3}
///     fallbacks: [claude-haiku]
///     retries: 2
///     max_output_tokens: 16384
///     default_max_tokens: 1024
///     price: {input: 150000, output: 600000, cached_input: 75000}   # micro-dollars per million tokens
///     cache_ttl_seconds: 300
/// resilience: {base_backoff_ms: 100, max_backoff_ms: 2000, max_retry_after_ms: 10000, cooldown_failures: 3,
///              cooldown_ms: 30000, breaker_failures: 5, breaker_open_ms: 30000, half_open_probes: 1,
///              stream_idle_timeout_ms: 60000}
/// ```
/// A deployment may carry its own `price`, which wins over the route's.
public struct GatewayConfig: Sendable {
    public var providers: [String: ProviderConfig]
    public var routes: [String: RouteConfig]
    public var resilience: ResilienceSettings
    public var requireKey: Bool

    public init(
        providers: [ProviderConfig], routes: [RouteConfig], resilience: ResilienceSettings = ResilienceSettings(),
        requireKey: Bool = true
    ) throws {
        self.providers = Dictionary(providers.map { ($0.name, $0) }, uniquingKeysWith: { $1 })
        self.routes = Dictionary(routes.map { ($0.alias, $0) }, uniquingKeysWith: { $1 })
        self.resilience = resilience
        self.requireKey = requireKey
        try validate()
    }

    /// Reads a YAML (or JSON) file; API keys come from the environment the provider names.
    public static func load(path: String, environment: [String: String] = ProcessInfo.processInfo.environment)
        throws -> GatewayConfig
    {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw HangarError(.configInvalid, "cannot read the gateway configuration file", underlying: error)
        }
        return try parse(text, environment: environment)
    }

    public static func parse(_ text: String, environment: [String: String] = [:]) throws -> GatewayConfig {
        let document: JSONValue
        do {
            document = try JSONValue(yaml: Yams.load(yaml: text))
        } catch let error as HangarError {
            throw error
        } catch {
            throw HangarError(.configInvalid, "gateway configuration: not valid YAML", underlying: error)
        }
        var root = try ConfigObject(document, path: "gateway")
        let requireKey = try root.bool("require_key") ?? true
        let providers = try root.entries("providers").map { name, object in
            try Self.provider(name: name, object, environment: environment)
        }
        let resilience = try root.object("resilience").map(Self.resilience) ?? ResilienceSettings()
        let routes = try root.entries("models").map(Self.route)
        try root.finish()
        return try GatewayConfig(
            providers: providers, routes: routes, resilience: resilience, requireKey: requireKey)
    }

    func validate() throws {
        for route in routes.values.sorted(by: { $0.alias < $1.alias }) {
            guard !route.deployments.isEmpty else {
                throw ConfigObject.invalid("gateway.models.\(route.alias)", "needs at least one deployment")
            }
            for deployment in route.deployments where providers[deployment.provider] == nil {
                throw ConfigObject.invalid(
                    "gateway.models.\(route.alias)", "names unknown provider '\(deployment.provider)'")
            }
            for fallback in route.fallbacks where routes[fallback] == nil || fallback == route.alias {
                throw ConfigObject.invalid(
                    "gateway.models.\(route.alias).fallbacks", "names unknown model '\(fallback)'")
            }
        }
    }
}

extension GatewayConfig {
    private static func provider(name: String, _ object: ConfigObject, environment: [String: String]) throws
        -> ProviderConfig
    {
        var object = object
        let baseURL = try object.requiredString("base_url")
        guard baseURL.hasPrefix("http://") || baseURL.hasPrefix("https://") else {
            throw ConfigObject.invalid("\(object.path).base_url", "must be an http or https URL")
        }
        let formatName = try object.string("format") ?? "openai"
        guard let format = WireFormat(rawValue: formatName) else {
            throw ConfigObject.invalid("\(object.path).format", "must be openai or anthropic")
        }
        let keyVariable = try object.string("api_key_env")
        try object.finish()
        var provider = ProviderConfig(
            name: name, baseURL: baseURL, apiKey: keyVariable.flatMap { environment[$0] }, format: format)
        provider.apiKeyEnvironment = keyVariable
        return provider
    }

    private static func route(alias: String, _ object: ConfigObject) throws -> RouteConfig {
        var object = object
        let routePrice = try object.object("price").map(Self.price) ?? .free
        let deployments = try (object.list("deployments") ?? []).map { item in
            var item = item
            let deployment = DeploymentConfig(
                provider: try item.requiredString("provider"), model: try item.requiredString("model"),
                weight: try item.int("weight", min: 1, max: 1_000_000) ?? 1,
                timeout: .milliseconds(try item.int("timeout_ms", min: 1, max: 3_600_000) ?? 60_000),
                price: try item.object("price").map(Self.price) ?? routePrice)
            try item.finish()
            return deployment
        }
        let strategyName = try object.string("strategy") ?? "weighted"
        guard let strategy = RouteConfig.Strategy(rawValue: strategyName) else {
            throw ConfigObject.invalid("\(object.path).strategy", "must be weighted, least_busy or lowest_latency")
        }
        let maxOutput = try object.int("max_output_tokens", min: 1, max: 10_000_000) ?? 16_384
        let route = RouteConfig(
            alias: alias, deployments: deployments, strategy: strategy,
            fallbacks: try object.strings("fallbacks") ?? [],
            retries: Int(try object.int("retries", max: 10) ?? 2), maxOutputTokens: maxOutput,
            defaultMaxTokens: try object.int("default_max_tokens", min: 1, max: 10_000_000) ?? min(4_096, maxOutput),
            cacheTTL: try object.int("cache_ttl_seconds", min: 1, max: 31_536_000).map { .seconds($0) },
            embeddings: try object.bool("embeddings") ?? false)
        try object.finish()
        return route
    }

    private static func price(_ object: ConfigObject) throws -> ModelPrice {
        var object = object
        let limit: Int64 = 1_000_000_000_000
        let price = ModelPrice(
            inputPerMillion: try object.int("input", max: limit) ?? 0,
            outputPerMillion: try object.int("output", max: limit) ?? 0,
            cachedInputPerMillion: try object.int("cached_input", max: limit))
        try object.finish()
        return price
    }

    private static func resilience(_ object: ConfigObject) throws -> ResilienceSettings {
        var object = object
        var settings = ResilienceSettings()
        func milliseconds(_ key: String, _ current: Duration) throws -> Duration {
            try object.int(key, max: 86_400_000).map { .milliseconds($0) } ?? current
        }
        settings.baseBackoff = try milliseconds("base_backoff_ms", settings.baseBackoff)
        settings.maxBackoff = try milliseconds("max_backoff_ms", settings.maxBackoff)
        settings.maxRetryAfter = try milliseconds("max_retry_after_ms", settings.maxRetryAfter)
        settings.cooldown = try milliseconds("cooldown_ms", settings.cooldown)
        settings.breakerOpen = try milliseconds("breaker_open_ms", settings.breakerOpen)
        settings.streamIdleTimeout = try milliseconds("stream_idle_timeout_ms", settings.streamIdleTimeout)
        settings.cooldownFailures = Int(try object.int("cooldown_failures", min: 1, max: 1000) ?? 3)
        settings.breakerFailures = Int(try object.int("breaker_failures", min: 1, max: 1000) ?? 5)
        settings.halfOpenProbes = Int(try object.int("half_open_probes", min: 1, max: 1000) ?? 1)
        try object.finish()
        return settings
    }
}
