import Benchmark

// Hangar's performance suite (issue 2, item 11). Every benchmark opens its own fresh database in its setup,
// prepares whatever it needs there, and measures only the operation its name says. An iteration is a round of
// `workers` concurrent tasks each doing `operationsPerWorker` operations; besides ordo-one's per-iteration
// metrics (wall clock, throughput in rounds/s, mallocs) each benchmark reports operations/s, the p50 and p99
// latency of a single operation as its caller sees it, and how many commands shared each commit (group
// commit), and writes one summary line to $HANGAR_BENCH_SUMMARY for scripts/bench.
//
// PostgreSQL benchmarks run only when HANGAR_BENCH_POSTGRES_URL is set (each in a new schema).
let benchmarks: @Sendable () -> Void = {
    CommitBatchMetrics.bootstrap()
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal, .cpuTotal] + RoundMetrics.all,
        timeUnits: .microseconds,
        warmupIterations: 1,
        maxDuration: .seconds(10),
        maxIterations: 1_000
    )
    registerAppendBenchmarks()
    registerRebuildBenchmarks()
    registerLeaseBenchmarks()
}
