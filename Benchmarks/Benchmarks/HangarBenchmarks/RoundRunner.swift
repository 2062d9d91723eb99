import Benchmark
import Foundation
import MallocInterposerSwift
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// The custom metrics every benchmark reports per iteration (a round).
enum RoundMetrics {
    /// Operations (appends, claims, rebuilds) per second within the round.
    static let operationsPerSecond = BenchmarkMetric.custom("ops/s", polarity: .prefersLarger, useScalingFactor: false)
    /// The median and 99th percentile of single operations' latency within the round, in microseconds.
    static let latencyP50 = BenchmarkMetric.custom("op p50 (us)", polarity: .prefersSmaller, useScalingFactor: false)
    static let latencyP99 = BenchmarkMetric.custom("op p99 (us)", polarity: .prefersSmaller, useScalingFactor: false)
    /// Store commands per commit (each commit is one fsync): 1 means no group commit happened.
    static let commandsPerCommit = BenchmarkMetric.custom(
        "cmds/commit", polarity: .prefersLarger, useScalingFactor: false)

    static let all = [operationsPerSecond, latencyP50, latencyP99, commandsPerCommit]

    /// A configuration reporting the custom metrics that mean something for the benchmark: per-operation
    /// latency and ops/s only when a round holds several operations (otherwise they repeat the wall clock and
    /// throughput), commands per commit only when the operations go through the group committer.
    static func configuration(
        scalingFactor: BenchmarkScalingFactor, maxDuration: Duration, maxIterations: Int, warmupIterations: Int = 1,
        operationsPerRound: Int, commits: Bool = true, timeUnits: BenchmarkTimeUnits = .microseconds
    ) -> Benchmark.Configuration {
        var custom: [BenchmarkMetric] = operationsPerRound > 1 ? [operationsPerSecond, latencyP50, latencyP99] : []
        if commits { custom.append(commandsPerCommit) }
        return .init(
            metrics: [.wallClock, .throughput, .mallocCountTotal] + custom,
            timeUnits: timeUnits,
            units: Dictionary(uniqueKeysWithValues: custom.map { ($0, BenchmarkUnits.count) }),
            warmupIterations: warmupIterations,
            scalingFactor: scalingFactor,
            maxDuration: maxDuration,
            maxIterations: maxIterations
        )
    }
}

/// Runs a benchmark's rounds: `workers` concurrent tasks each performing `operationsPerWorker` operations,
/// timing each operation as its caller sees it. Only the round is inside `startMeasurement()` /
/// `stopMeasurement()`; the per-round statistics are computed after it. Measured (non-warm-up) rounds are
/// also summed up for the summary line written in ``finish(target:)``.
final class RoundRunner: Sendable {
    let name: String
    let workers: Int
    let operationsPerWorker: Int
    /// What an operation is, for the summary ("events", "claims", "rebuilds").
    let unit: String
    private let operation: @Sendable (_ worker: Int) async throws -> Void
    private let slots: LatencySlots
    private let totals = Mutex(Totals())

    private struct Totals {
        var rounds = 0
        var operations = 0
        var nanoseconds: UInt64 = 0
        var mallocs = 0
        /// CPU time of the whole process (every thread: callers, the store's writer, GRDB's queues).
        var cpuNanoseconds: UInt64 = 0
        var commits = CommitBatchMetrics.Totals()
        var latencies: [UInt64] = []
    }

    init(
        name: String, workers: Int, operationsPerWorker: Int, unit: String,
        operation: @escaping @Sendable (_ worker: Int) async throws -> Void
    ) {
        self.name = name
        self.workers = workers
        self.operationsPerWorker = operationsPerWorker
        self.unit = unit
        self.operation = operation
        slots = LatencySlots(count: workers * operationsPerWorker)
    }

    var operationsPerRound: Int { workers * operationsPerWorker }

    func runRound(_ benchmark: Benchmark) async throws {
        let warmUp = benchmark.currentIteration < benchmark.configuration.warmupIterations
        let commitsBefore = CommitBatchMetrics.shared.totals

        benchmark.startMeasurement()
        let mallocsBefore = MallocInterposerSwift.getStatistics().mallocCount
        let cpuBefore = Self.processCPUNanoseconds()
        let start = ContinuousClock.now
        if workers == 1 {
            try await work(worker: 0)
        } else {
            try await withThrowingDiscardingTaskGroup { group in
                for worker in 0..<workers {
                    group.addTask { try await self.work(worker: worker) }
                }
            }
        }
        let elapsed = Self.nanoseconds(start.duration(to: .now))
        let cpu = Self.processCPUNanoseconds() &- cpuBefore
        let mallocs = MallocInterposerSwift.getStatistics().mallocCount - mallocsBefore
        benchmark.stopMeasurement()

        let commits = CommitBatchMetrics.shared.totals - commitsBefore
        let latencies = slots.sorted()
        let operations = latencies.count
        benchmark.measurement(
            RoundMetrics.operationsPerSecond, Int((Double(operations) * 1e9 / Double(max(elapsed, 1))).rounded()))
        benchmark.measurement(RoundMetrics.latencyP50, Int(Self.percentile(latencies, 0.50) / 1_000))
        benchmark.measurement(RoundMetrics.latencyP99, Int(Self.percentile(latencies, 0.99) / 1_000))
        if commits.commits > 0 {
            benchmark.measurement(RoundMetrics.commandsPerCommit, commits.commands / commits.commits)
        }
        guard !warmUp else { return }
        totals.withLock { totals in
            totals.rounds += 1
            totals.operations += operations
            totals.nanoseconds += elapsed
            totals.mallocs += mallocs
            totals.cpuNanoseconds += cpu
            totals.commits.commits += commits.commits
            totals.commits.commands += commits.commands
            totals.latencies.append(contentsOf: latencies)
        }
    }

    private func work(worker: Int) async throws {
        let base = worker * operationsPerWorker
        for index in 0..<operationsPerWorker {
            let start = ContinuousClock.now
            try await operation(worker)
            slots.set(base + index, Self.nanoseconds(start.duration(to: .now)))
        }
    }

    /// Writes the summary of the measured rounds as one JSON line to `$HANGAR_BENCH_SUMMARY` (when set) and
    /// returns it. `target` is the figure the issue asks for, shown beside the result. `cpuNote` adds the
    /// process's CPU time per operation to the line's note (shown beside the verdict): with the cores, it bounds
    /// the operations per second whatever the concurrency. `note` is added after it.
    @discardableResult
    func finish(target: String, eventsPerOperation: Int = 1, cpuNote: Bool = false, note: String? = nil) -> String {
        let line = totals.withLock { totals -> String in
            totals.latencies.sort()
            let seconds = Double(totals.nanoseconds) / 1e9
            let perSecond = seconds > 0 ? Double(totals.operations) / seconds : 0
            let cpuPerOperation =
                totals.operations > 0 ? Double(totals.cpuNanoseconds) / Double(totals.operations) / 1_000 : 0
            var fields: [String: Any] = [
                "name": name,
                "workers": workers,
                "unit": unit,
                "rounds": totals.rounds,
                "operations": totals.operations,
                "seconds": seconds,
                "ops_per_s": perSecond,
                "events_per_s": perSecond * Double(eventsPerOperation),
                "p50_us": Double(Self.percentile(totals.latencies, 0.50)) / 1_000,
                "p99_us": Double(Self.percentile(totals.latencies, 0.99)) / 1_000,
                "max_us": Double(totals.latencies.last ?? 0) / 1_000,
                "mallocs_per_op": totals.operations > 0 ? Double(totals.mallocs) / Double(totals.operations) : 0,
                "cpu_us_per_op": cpuPerOperation,
                "target": target,
            ]
            let notes = (cpuNote ? ["CPU \(Int(cpuPerOperation.rounded())) us/op"] : []) + (note.map { [$0] } ?? [])
            if !notes.isEmpty { fields["note"] = notes.joined(separator: "; ") }
            if totals.commits.commits > 0 {
                fields["commits"] = totals.commits.commits
                fields["commands_per_commit"] = Double(totals.commits.commands) / Double(totals.commits.commits)
            }
            return Self.summaryLine(fields)
        }
        Self.writeSummary(line)
        return line
    }

    /// The latency percentile of the measured operations so far, in microseconds.
    func latencyPercentile(_ fraction: Double) -> Double {
        let sorted = totals.withLock { $0.latencies.sorted() }
        return Double(Self.percentile(sorted, fraction)) / 1_000
    }

    /// The summary lines written so far in this run (`$HANGAR_BENCH_SUMMARY`), by name; the last line wins.
    static func writtenSummaries() -> [String: [String: Any]] {
        guard let path = ProcessInfo.processInfo.environment["HANGAR_BENCH_SUMMARY"], !path.isEmpty,
            let text = try? String(contentsOfFile: path, encoding: .utf8)
        else { return [:] }
        var rows: [String: [String: Any]] = [:]
        for line in text.split(separator: "\n") {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let name = object["name"] as? String
            else { continue }
            rows[name] = object
        }
        return rows
    }

    /// `fields` as one JSON line (keys sorted).
    static func summaryLine(_ fields: [String: Any]) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    /// Appends a summary line to `$HANGAR_BENCH_SUMMARY`, when set.
    static func writeSummary(_ line: String) {
        if let path = ProcessInfo.processInfo.environment["HANGAR_BENCH_SUMMARY"], !path.isEmpty {
            appendLine(line, to: path)
        }
    }

    private static func appendLine(_ line: String, to path: String) {
        if !FileManager.default.fileExists(atPath: path) {
            _ = FileManager.default.createFile(atPath: path, contents: nil)
        }
        guard let handle = FileHandle(forWritingAtPath: path) else { return }
        defer { try? handle.close() }
        _ = try? handle.seekToEnd()
        try? handle.write(contentsOf: Data((line + "\n").utf8))
    }

    /// User and system CPU time of the process so far.
    static func processCPUNanoseconds() -> UInt64 {
        var time = timespec()
        guard clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time) == 0 else { return 0 }
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }

    static func nanoseconds(_ duration: Duration) -> UInt64 {
        let (seconds, attoseconds) = duration.components
        return UInt64(max(seconds, 0)) * 1_000_000_000 + UInt64(max(attoseconds, 0) / 1_000_000_000)
    }

    /// Nearest-rank percentile of sorted values.
    static func percentile(_ sorted: [UInt64], _ fraction: Double) -> UInt64 {
        guard !sorted.isEmpty else { return 0 }
        let rank = Int((fraction * Double(sorted.count)).rounded(.up)) - 1
        return sorted[min(max(rank, 0), sorted.count - 1)]
    }
}

/// One latency slot per operation of a round, allocated once so that recording a latency inside the measured
/// region allocates nothing. `@unchecked Sendable`: every worker writes only its own range of slots, and the
/// slots are read only after the task group that wrote them has finished.
final class LatencySlots: @unchecked Sendable {
    private let buffer: UnsafeMutableBufferPointer<UInt64>

    init(count: Int) {
        buffer = .allocate(capacity: count)
        buffer.initialize(repeating: 0)
    }

    deinit { buffer.deallocate() }

    func set(_ index: Int, _ nanoseconds: UInt64) { buffer[index] = nanoseconds }

    func sorted() -> [UInt64] { Array(buffer).sorted() }
}
