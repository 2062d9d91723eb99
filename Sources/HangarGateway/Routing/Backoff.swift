/// Waits between attempts: exponential with "equal jitter" (a uniform draw from the upper half of the doubled
/// step), and never shorter than a `Retry-After` the upstream asked for.
struct Backoff {
    var settings: ResilienceSettings

    func delay(attempt: Int, retryAfter: Duration?) -> Duration {
        let base = DeploymentHealth.milliseconds(settings.baseBackoff)
        let cap = DeploymentHealth.milliseconds(settings.maxBackoff)
        let step = min(cap, base << min(attempt, 20))
        let jittered = step / 2 + Int64.random(in: 0...max(0, step / 2))
        let wait = Duration.milliseconds(jittered)
        guard let retryAfter else { return wait }
        return max(wait, retryAfter)
    }
}
