import Benchmark
import HangarStore

/// 4 concurrent workers claiming the next free lease of a pool of 1,000 offered leases and releasing it, as
/// `hangar worker` processes do. One operation is a claim and its release; ops/s is claims per second.
func registerLeaseBenchmarks() {
    registerLease("lease.claim.sqlite.4workers", backend: .sqlite, target: ">= 2000 claims/s (set for PostgreSQL)")
    registerLease("lease.claim.postgres.4workers", backend: .postgres, target: ">= 2000 claims/s")
}

private func registerLease(_ name: String, backend: BenchDatabase.Backend, target: String) {
    if backend == .postgres, BenchDatabase.postgresURL == nil { return }
    let workers = 4
    let pool = "bench"
    let fixture = Fixture<LeaseState>()
    var configuration = RoundMetrics.configuration(
        scalingFactor: .kilo, maxDuration: .seconds(10), maxIterations: 200, warmupIterations: 1)
    configuration.tags = ["backend": backend.rawValue, "workers": "\(workers)", "leases": "1000"]
    Benchmark(name, configuration: configuration) { benchmark in
        try await fixture.value.runner.runRound(benchmark)
    } setup: {
        let database = try await BenchDatabase.open(backend)
        let storage = database.storage
        try await storage.offerLeases((0..<1_000).map { "lease-\($0)" }, pool: pool)
        let runner = RoundRunner(name: name, workers: workers, operationsPerWorker: 250, unit: "claims") { worker in
            guard
                let lease = try await storage.claimNextLease(
                    pool: pool, holder: "worker-\(worker)", ttlMilliseconds: 60_000)
            else { throw BenchError("the pool ran out of free leases") }
            try await storage.releaseLease(lease)
        }
        fixture.set(LeaseState(database: database, runner: runner))
    } teardown: {
        guard let state = fixture.take() else { return }
        state.runner.finish(target: target)
        try await state.database.close()
    }
}

private struct LeaseState: Sendable {
    let database: BenchDatabase
    let runner: RoundRunner
}
