import Benchmark
import HangarCore
import HangarStore

/// Durable appends of single events: one writer (the one-fsync-per-event baseline), and 8 concurrent writers,
/// which only group commit can make fast. Each writer appends one event per call and waits for it to be
/// acknowledged (durable) before appending the next.
func registerAppendBenchmarks() {
    registerAppend(
        "append.sqlite.1writer", backend: .sqlite, workers: 1, perWorker: 1, scalingFactor: .one,
        maxDuration: .seconds(5), maxIterations: 5_000, warmupIterations: 20, target: "~ baseline.sqlite.full.1txn")
    registerAppend(
        "append.sqlite.8writers", backend: .sqlite, workers: 8, perWorker: 125, scalingFactor: .kilo,
        maxDuration: .seconds(10), maxIterations: 200, warmupIterations: 1, target: ">= 10000 events/s")
    // Not one of the figures: shows how far group commit scales when more callers are in flight (a
    // batch can never hold more commands than there are callers waiting).
    registerAppend(
        "append.sqlite.64writers", backend: .sqlite, workers: 64, perWorker: 16, scalingFactor: .one,
        maxDuration: .seconds(10), maxIterations: 200, warmupIterations: 1, target: "(diagnostic)")
    registerAppend(
        "append.postgres.8writers", backend: .postgres, workers: 8, perWorker: 125, scalingFactor: .kilo,
        maxDuration: .seconds(10), maxIterations: 200, warmupIterations: 1, target: "(none set)")
}

private func registerAppend(
    _ name: String, backend: BenchDatabase.Backend, workers: Int, perWorker: Int,
    scalingFactor: BenchmarkScalingFactor, maxDuration: Duration, maxIterations: Int, warmupIterations: Int,
    target: String
) {
    if backend == .postgres, BenchDatabase.postgresURL == nil { return }
    let fixture = Fixture<AppendState>()
    var configuration = RoundMetrics.configuration(
        scalingFactor: scalingFactor, maxDuration: maxDuration, maxIterations: maxIterations,
        warmupIterations: warmupIterations, operationsPerRound: workers * perWorker)
    configuration.tags = ["backend": backend.rawValue, "writers": "\(workers)"]
    Benchmark(name, configuration: configuration) { benchmark in
        try await fixture.value.runner.runRound(benchmark)
    } setup: {
        let database = try await BenchDatabase.open(backend)
        // One draft per writer, built before the measurement: what is measured is the append.
        let drafts = (0..<workers).map { EventMix.plainEvent(worker: $0, index: 0) }
        let storage = database.storage
        let runner = RoundRunner(name: name, workers: workers, operationsPerWorker: perWorker, unit: "events") {
            worker in
            try await storage.append(drafts[worker])
        }
        fixture.set(AppendState(database: database, runner: runner))
    } teardown: {
        guard let state = fixture.take() else { return }
        state.runner.finish(target: target)
        try await state.database.close()
    }
}

private struct AppendState: Sendable {
    let database: BenchDatabase
    let runner: RoundRunner
}
