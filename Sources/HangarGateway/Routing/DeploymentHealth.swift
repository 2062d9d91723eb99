import HangarCore
import Synchronization

/// Health of every deployment: calls in flight, latency, cooldowns and circuit breakers.
///
/// A failure (5xx, 429, timeout, connection error) counts against the deployment. `cooldownFailures` in a row
/// take it out of rotation for `cooldown`; a `Retry-After` takes it out for at least that long; `breakerFailures`
/// in a row open its circuit, which after `breakerOpen` lets at most `halfOpenProbes` calls through at once
/// until one succeeds (closed) or fails (open again).
final class DeploymentHealth: Sendable {
    private let states = Mutex<[String: DeploymentState]>([:])
    private let settings: ResilienceSettings
    private let clock: HangarClock

    init(settings: ResilienceSettings, clock: HangarClock) {
        self.settings = settings
        self.clock = clock
    }

    func snapshot(_ id: String) -> DeploymentState { states.withLock { $0[id] ?? DeploymentState() } }

    func available(_ id: String) -> Bool {
        let now = clock.nowMilliseconds()
        return states.withLock { ($0[id] ?? DeploymentState()).available(at: now, probes: settings.halfOpenProbes) }
    }

    func availableFrom(_ id: String) -> Int64 {
        let now = clock.nowMilliseconds()
        return states.withLock { ($0[id] ?? DeploymentState()).availableFrom(now: now) }
    }

    /// Starts a call when the deployment admits one.
    func begin(_ id: String) -> Bool {
        let now = clock.nowMilliseconds()
        return states.withLock { states in
            var state = states[id] ?? DeploymentState()
            guard state.available(at: now, probes: settings.halfOpenProbes) else { return false }
            switch state.breaker {
            case .closed: break
            case .open: state.breaker = .halfOpen(probes: 1)
            case .halfOpen(let probes): state.breaker = .halfOpen(probes: probes + 1)
            }
            state.inFlight += 1
            states[id] = state
            return true
        }
    }

    func succeeded(_ id: String, milliseconds: Double) {
        states.withLock { states in
            var state = states[id] ?? DeploymentState()
            state.inFlight = max(0, state.inFlight - 1)
            state.latency = state.latency.map { $0 * 0.8 + milliseconds * 0.2 } ?? milliseconds
            state.consecutiveFailures = 0
            state.breaker = .closed
            states[id] = state
        }
    }

    /// Ends a call that neither succeeded nor failed because of the deployment (the client went away).
    func abandoned(_ id: String) {
        states.withLock { states in
            var state = states[id] ?? DeploymentState()
            state.inFlight = max(0, state.inFlight - 1)
            if case .halfOpen(let probes) = state.breaker { state.breaker = .halfOpen(probes: max(0, probes - 1)) }
            states[id] = state
        }
    }

    func failed(_ id: String, retryAfter: Duration?) {
        let now = clock.nowMilliseconds()
        states.withLock { states in
            var state = states[id] ?? DeploymentState()
            state.inFlight = max(0, state.inFlight - 1)
            state.consecutiveFailures += 1
            if let retryAfter {
                state.coolingUntil = max(state.coolingUntil, now + Self.milliseconds(retryAfter))
            }
            if state.consecutiveFailures >= settings.cooldownFailures {
                state.coolingUntil = max(state.coolingUntil, now + Self.milliseconds(settings.cooldown))
            }
            switch state.breaker {
            case .halfOpen:
                state.breaker = .open(until: now + Self.milliseconds(settings.breakerOpen))
            case .closed where state.consecutiveFailures >= settings.breakerFailures:
                state.breaker = .open(until: now + Self.milliseconds(settings.breakerOpen))
            default:
                break
            }
            states[id] = state
        }
    }

    static func milliseconds(_ duration: Duration) -> Int64 {
        duration.components.seconds * 1_000 + duration.components.attoseconds / 1_000_000_000_000_000
    }
}
