import Benchmark

// Hangar's performance suite (issue 2, item 11). Every benchmark opens its own fresh database in its setup,
// prepares whatever it needs there, and measures only the operation its name says. An iteration is a round of
// `workers` concurrent tasks each doing `operationsPerWorker` operations. Besides ordo-one's per-iteration
// metrics (wall clock, throughput in rounds/s, mallocs), benchmarks with several operations per round report
// ops/s and the p50 and p99 latency of one operation as its caller sees it, and those going through the group
// committer report how many commands shared each commit. Each benchmark also writes one summary line (over
// all its measured rounds) to $HANGAR_BENCH_SUMMARY for scripts/bench.
//
// `baseline.*` is plain SQLite measured in the same run, the reference for the append figures; benchmarks whose
// target says "(diagnostic)" are not figures of the issue but show where a limit comes from. PostgreSQL
// benchmarks run only when HANGAR_BENCH_POSTGRES_URL is set (each in a new schema). `data.*` measure the data
// layer (`DataRuntime`) on a 100,000-row SQLite file (DataBenchmarks.swift).
let benchmarks: @Sendable () -> Void = {
    CommitBatchMetrics.bootstrap()
    registerBaselineBenchmarks()
    registerAppendBenchmarks()
    registerRebuildBenchmarks()
    registerLeaseBenchmarks()
    registerWorkspaceBenchmarks()
    registerDataBenchmarks()
}
