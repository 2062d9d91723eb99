/// Orders a route's deployments for one call by the route's strategy, healthy ones only.
struct RoutePlanner {
    var health: DeploymentHealth

    /// The deployment to try next: untried ones before those this call already tried.
    func next(_ route: RouteConfig, tried: Set<String>) -> DeploymentConfig? {
        let available = route.deployments.filter { health.available($0.id) }
        let fresh = available.filter { !tried.contains($0.id) }
        return pick(route.strategy, from: fresh.isEmpty ? available : fresh)
    }

    /// When the first of the route's deployments will admit a call again (milliseconds since the epoch).
    func soonestAvailable(_ route: RouteConfig) -> Int64? {
        route.deployments.map { health.availableFrom($0.id) }.min()
    }

    private func pick(_ strategy: RouteConfig.Strategy, from candidates: [DeploymentConfig]) -> DeploymentConfig? {
        guard candidates.count > 1 else { return candidates.first }
        switch strategy {
        case .weighted:
            let total = candidates.reduce(Int64(0)) { $0 + $1.weight }
            var draw = Int64.random(in: 0..<total)
            for candidate in candidates {
                if draw < candidate.weight { return candidate }
                draw -= candidate.weight
            }
            return candidates.last
        case .leastBusy:
            return candidates.min { health.snapshot($0.id).inFlight < health.snapshot($1.id).inFlight }
        case .lowestLatency:
            // Untried deployments count as fastest, so each gets measured.
            return candidates.min { (health.snapshot($0.id).latency ?? -1) < (health.snapshot($1.id).latency ?? -1) }
        }
    }
}
