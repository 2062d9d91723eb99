import Benchmark
import HangarStore

/// 4 concurrent workers claiming the next free lease of a pool of 1,000 offered leases and releasing it, as
/// `hangar worker` processes do. One operation is a claim and its release (two commands, each committed
/// durably before the worker goes on); ops/s is claims per second. A round is 4 × 25 claims.
///
/// `4workers`: the four workers share one store (one process). `4stores` (diagnostic): each worker has its own
/// store on the same schema, as four `hangar worker` processes would, so nothing is group-committed between
/// them and they meet only in the database.
func registerLeaseBenchmarks() {
    registerLease("lease.claim.sqlite.4workers", backend: .sqlite, separateStores: false, target: "(none set)")
    registerLease(
        "lease.claim.postgres.4workers", backend: .postgres, separateStores: false, target: ">= 2000 claims/s")
    registerLease("lease.claim.postgres.4stores", backend: .postgres, separateStores: true, target: "(diagnostic)")
}

private func registerLease(_ name: String, backend: BenchDatabase.Backend, separateStores: Bool, target: String) {
    if backend == .postgres, BenchDatabase.postgresURL == nil { return }
    let workers = 4
    let pool = "bench"
    let fixture = Fixture<LeaseState>()
    var configuration = RoundMetrics.configuration(
        scalingFactor: .one, maxDuration: .seconds(10), maxIterations: 1_000, warmupIterations: 1,
        operationsPerRound: workers * 25)
    configuration.tags = [
        "backend": backend.rawValue, "workers": "\(workers)", "stores": separateStores ? "\(workers)" : "1",
        "leases": "1000",
    ]
    Benchmark(name, configuration: configuration) { benchmark in
        try await fixture.value.runner.runRound(benchmark)
    } setup: {
        let database = try await BenchDatabase.open(backend)
        try await database.storage.offerLeases((0..<1_000).map { "lease-\($0)" }, pool: pool)
        var stores = [database.storage]
        if separateStores {
            for _ in 1..<workers { stores.append(try await database.openAnother()) }
        }
        let workerStores = stores
        let runner = RoundRunner(name: name, workers: workers, operationsPerWorker: 25, unit: "claims") { worker in
            let storage = workerStores[worker % workerStores.count]
            guard
                let lease = try await storage.claimNextLease(
                    pool: pool, holder: "worker-\(worker)", ttlMilliseconds: 60_000)
            else { throw BenchError("the pool ran out of free leases") }
            try await storage.releaseLease(lease)
        }
        fixture.set(LeaseState(database: database, others: Array(stores.dropFirst()), runner: runner))
    } teardown: {
        guard let state = fixture.take() else { return }
        state.runner.finish(target: target)
        for other in state.others { try await other.close() }
        try await state.database.close()
    }
}

private struct LeaseState: Sendable {
    let database: BenchDatabase
    let others: [any HangarStorage]
    let runner: RoundRunner
}
