import Benchmark
import HangarStore

/// Rebuilding every projection from a log of 100,000 events (20% lease events, the rest plain), written once
/// in the setup. The teardown checks that the rebuilt projections are byte-identical to the live ones.
func registerRebuildBenchmarks() {
    let name = "rebuild.sqlite.100k"
    let events = 100_000
    let fixture = Fixture<RebuildState>()
    var configuration = RoundMetrics.configuration(
        scalingFactor: .one, maxDuration: .seconds(20), maxIterations: 20, warmupIterations: 1, operationsPerRound: 1,
        commits: false, timeUnits: .milliseconds)
    configuration.tags = ["backend": "sqlite", "events": "\(events)"]
    Benchmark(name, configuration: configuration) { benchmark in
        try await fixture.value.runner.runRound(benchmark)
    } setup: {
        let database = try await BenchDatabase.open(.sqlite)
        let written = try await EventMix.writeMixedLog(to: database.storage, total: events)
        guard written == events else { throw BenchError("prepared \(written) events, expected \(events)") }
        let digest = try await database.storage.projectionDigest()
        let storage = database.storage
        let runner = RoundRunner(name: name, workers: 1, operationsPerWorker: 1, unit: "rebuilds") { _ in
            try await storage.rebuildProjections()
        }
        fixture.set(RebuildState(database: database, runner: runner, digest: digest))
    } teardown: {
        guard let state = fixture.take() else { return }
        state.runner.finish(target: "< 1 s", eventsPerOperation: events)
        let rebuilt = try await state.database.storage.projectionDigest()
        try await state.database.close()
        guard rebuilt == state.digest else {
            throw BenchError("rebuilt projections differ from the live ones (\(rebuilt) != \(state.digest))")
        }
    }
}

private struct RebuildState: Sendable {
    let database: BenchDatabase
    let runner: RoundRunner
    let digest: String
}
