/// What the gateway knows about one deployment's health, in this process.
struct DeploymentState {
    enum Breaker: Equatable {
        case closed
        /// No calls until the given time (milliseconds since the epoch).
        case open(until: Int64)
        /// Admits at most `halfOpenProbes` calls at once; a success closes it, a failure opens it again.
        case halfOpen(probes: Int)
    }

    var inFlight = 0
    /// Moving average of successful call latency, in milliseconds; nil until one succeeded.
    var latency: Double?
    var consecutiveFailures = 0
    var coolingUntil: Int64 = 0
    var breaker = Breaker.closed

    /// Whether a call may start now (without starting it).
    func available(at now: Int64, probes: Int) -> Bool {
        guard coolingUntil <= now else { return false }
        switch breaker {
        case .closed: return true
        case .open(let until): return until <= now
        case .halfOpen(let inProbe): return inProbe < probes
        }
    }

    /// When the deployment will next admit a call.
    func availableFrom(now: Int64) -> Int64 {
        var from = max(now, coolingUntil)
        if case .open(let until) = breaker { from = max(from, until) }
        return from
    }
}
