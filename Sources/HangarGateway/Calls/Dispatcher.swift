import HangarCore
import Logging

/// Runs one call's attempts: the route's deployments in strategy order, retries with backoff that honour
/// `Retry-After`, then each fallback route in turn. Deployments on cooldown or with an open circuit are skipped.
struct Dispatcher {
    struct Attempt: Sendable {
        var deployment: String
        var status: Int?
        var outcome: String
        var milliseconds: Double
    }

    struct Result<Value: Sendable>: Sendable {
        var value: Value
        var deployment: DeploymentConfig
        var provider: ProviderConfig
        var attempts: [Attempt]
        var upstream: Duration
    }

    var config: GatewayConfig
    var health: DeploymentHealth
    var clock: HangarClock

    /// Tries `attempt` until one succeeds. A failure that is not retryable ends the call at once.
    func run<Value: Sendable>(
        _ route: RouteConfig,
        attempt: (DeploymentConfig, ProviderConfig) async throws(UpstreamFailure) -> Value
    ) async throws -> Result<Value> {
        let planner = RoutePlanner(health: health)
        let backoff = Backoff(settings: config.resilience)
        var attempts: [Attempt] = []
        var last: UpstreamFailure?
        let chain = [route] + route.fallbacks.compactMap { config.routes[$0] }
        for candidate in chain {
            var tried: Set<String> = []
            var left = candidate.retries + 1
            var pendingWait: Duration?
            while left > 0 {
                try Task.checkCancellation()
                guard let deployment = planner.next(candidate, tried: tried) else {
                    // Everything is cooling down: wait when it is soon enough (a Retry-After), else fall back.
                    guard let from = planner.soonestAvailable(candidate) else { break }
                    let wait = Duration.milliseconds(from - clock.nowMilliseconds())
                    guard wait <= config.resilience.maxRetryAfter else { break }
                    try await Task.sleep(for: max(wait, .milliseconds(1)))
                    continue
                }
                if let wait = pendingWait, tried.contains(deployment.id) {
                    try await Task.sleep(for: wait)
                }
                pendingWait = nil
                guard health.begin(deployment.id), let provider = config.providers[deployment.provider] else {
                    left -= 1
                    continue
                }
                left -= 1
                tried.insert(deployment.id)
                let started = ContinuousClock.now
                do {
                    let value = try await attempt(deployment, provider)
                    let took = ContinuousClock.now - started
                    health.succeeded(deployment.id, milliseconds: took.milliseconds)
                    attempts.append(
                        Attempt(deployment: deployment.id, status: 200, outcome: "ok", milliseconds: took.milliseconds))
                    return Result(
                        value: value, deployment: deployment, provider: provider, attempts: attempts, upstream: took)
                } catch {
                    let took = ContinuousClock.now - started
                    attempts.append(
                        Attempt(
                            deployment: deployment.id, status: error.status, outcome: error.error.code.rawValue,
                            milliseconds: took.milliseconds))
                    if Task.isCancelled {
                        health.abandoned(deployment.id)
                        throw CancellationError()
                    }
                    health.failed(deployment.id, retryAfter: error.retryAfter)
                    guard error.retryable else { throw CallFailure(error: error.error, attempts: attempts) }
                    last = error
                    pendingWait = backoff.delay(attempt: tried.count - 1, retryAfter: error.retryAfter)
                }
            }
        }
        let failure: HangarError
        let codes = Set(attempts.map(\.outcome))
        if let last, codes == [last.error.code.rawValue], last.error.code == .upstreamTimeout {
            failure = HangarError(.upstreamTimeout, "no deployment of '\(route.alias)' answered in time")
        } else if let last {
            // One kind of failure throughout keeps its code (a garbage answer stays `upstream_invalid_response`).
            let code = codes == [last.error.code.rawValue] ? last.error.code : .upstreamUnavailable
            failure = HangarError(
                code, "every deployment of '\(route.alias)' failed; the last one: \(last.error.message)")
        } else {
            failure = HangarError(
                .upstreamUnavailable, "no deployment of '\(route.alias)' is available right now",
                details: ["retry_after_seconds": .int(retryAfterSeconds(chain))])
        }
        throw CallFailure(error: failure, attempts: attempts)
    }

    private func retryAfterSeconds(_ chain: [RouteConfig]) -> Int64 {
        let planner = RoutePlanner(health: health)
        let soonest = chain.compactMap { planner.soonestAvailable($0) }.min() ?? clock.nowMilliseconds()
        return max(1, (soonest - clock.nowMilliseconds() + 999) / 1000)
    }
}

/// A call that failed after its attempts, with them, for the call's event.
struct CallFailure: Error {
    var error: HangarError
    var attempts: [Dispatcher.Attempt]
}
