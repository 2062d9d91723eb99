import Benchmark
import Foundation
import GRDB
import HangarCore
import HangarData
import Synchronization

/// The data layer's figures, on the ``DataFixture`` database (100,000 rows, 10 tenants), each call through
/// the public API as the server makes it: `DataRuntime.call`, which decodes and checks the arguments, rate
/// limits, compiles, runs the SQL under the authorizer and the statement timeout, shapes the rows (masking
/// `email`), and appends its `data.called` event durably to a Hangar store on disk before it answers.
///
/// - `data.query`, `data.get`: 16 concurrent callers (the HTTP benchmark's 16 connections), each of one of the
///   10 tenants; ops/s is calls per second, p50/p99 the latency of one call as its caller sees it.
/// - `data.aggregate.sum` against `data.aggregate.sum.raw`: one caller each, the same SQL (compiled by
///   ``DataCompiler`` from the same request) for the same tenant; the raw one runs it with GRDB directly on a
///   read-only connection to the same file. The target compares their p50 latencies; the raw one runs last
///   (ordo-one runs benchmarks by name) and its note gives the ratios (scripts/bench's verdict compares only
///   with `baseline.*` rows).
/// - `data.compile`: decoding and checking the request (`QueryRequest`) and compiling it, no database.
/// - `*.no-fsync-store` (diagnostic): the same calls with the Hangar store on /dev/shm, where the audit
///   append's fsync costs nothing, to show how much of a call is that fsync.
/// - `data.query.phases`, `data.get.phases` (diagnostic): one call's time by phase (DataPhaseBenchmarks.swift).
///
/// Each benchmark's note gives the process's CPU time per call: on this machine's cores, it bounds the calls
/// per second whatever the concurrency.
///
/// The PostgreSQL data executor is not benchmarked here (the fixture would need a PostgreSQL loader).
func registerDataBenchmarks() {
    registerDataCall("data.query", tool: .query, store: .disk, workers: 16, target: ">= 12000 calls/s, p99 <= 1 ms")
    registerDataCall("data.query.no-fsync-store", tool: .query, store: .tmpfs, workers: 16, target: "(diagnostic)")
    registerDataCall("data.get", tool: .get, store: .disk, workers: 16, target: ">= 10000 calls/s")
    registerDataCall("data.get.no-fsync-store", tool: .get, store: .tmpfs, workers: 16, target: "(diagnostic)")
    registerDataCall(
        "data.aggregate.sum", tool: .aggregate, store: .disk, workers: 1, target: "p50 <= 1.2x the raw SQL's")
    registerDataCall(
        "data.aggregate.sum.no-fsync-store", tool: .aggregate, store: .tmpfs, workers: 1, target: "(diagnostic)")
    registerRawAggregate()
    registerCompile("data.compile", fromText: false, target: ">= 100000 compiles/s")
    registerCompile("data.compile.from-text", fromText: true, target: "(diagnostic)")
    registerDataPhaseBenchmarks()
}

/// The tenant whose rows the single-caller benchmarks read.
private let aggregateTenant = 3

private func registerDataCall(
    _ name: String, tool: DataTool, store: DataBench.Store, workers: Int, target: String
) {
    if store == .tmpfs, DataBench.tmpfs == nil { return }
    // 16 callers × 25 calls, or 1 caller × 10 calls (an aggregate reads a few thousand rows).
    let perWorker = workers > 1 ? 25 : 10
    let fixture = Fixture<DataCallState>()
    var configuration = RoundMetrics.configuration(
        scalingFactor: .one, maxDuration: .seconds(8), maxIterations: 1_000, warmupIterations: 2,
        operationsPerRound: workers * perWorker)
    configuration.tags = ["store": store.rawValue, "callers": "\(workers)", "rows": "\(DataFixture.rowCount)"]
    Benchmark(name, configuration: configuration) { benchmark in
        try await fixture.value.runner.runRound(benchmark)
    } setup: {
        let bench = try await DataBench.open(store: store)
        let runtime = bench.runtime
        let principals = (0..<DataFixture.tenantCount).map(DataFixture.principal(tenant:))
        let operation: @Sendable (Int) async throws -> Void
        switch tool {
        case .query:
            let result = try await bench.checkedCall(
                .query, DataFixture.queryArguments, as: principals[0], rows: 25)
            guard result["rows"]?.arrayValue?.count == 25, result["next_cursor"]?.stringValue != nil else {
                throw BenchError("data.query did not return a full page: \(result)")
            }
            operation = { worker in
                _ = try await runtime.call(
                    .query, arguments: DataFixture.queryArguments,
                    as: principals[worker % DataFixture.tenantCount])
            }
        case .get:
            _ = try await bench.checkedCall(
                .get, DataFixture.getArguments(id: DataFixture.rowID(tenant: 0, 0)), as: principals[0], rows: 1)
            let counter = CallCounter()
            operation = { worker in
                let tenant = worker % DataFixture.tenantCount
                let id = DataFixture.rowID(tenant: tenant, counter.next())
                _ = try await runtime.call(.get, arguments: DataFixture.getArguments(id: id), as: principals[tenant])
            }
        case .aggregate:
            let principal = principals[aggregateTenant]
            let result = try await bench.checkedCall(.aggregate, DataFixture.aggregateArguments, as: principal, rows: 1)
            let raw = try await RawAggregate.open(model: bench.model, path: bench.path)
            defer { try? raw.queue.close() }
            let expected = try await raw.sum()
            guard case .double(let value)? = result["value"], abs(value - expected) <= 1e-6 * max(1, abs(expected))
            else { throw BenchError("data.aggregate answered \(result), the raw SQL \(expected)") }
            operation = { _ in
                _ = try await runtime.call(.aggregate, arguments: DataFixture.aggregateArguments, as: principal)
            }
        default:
            throw BenchError("no data benchmark for \(tool.rawValue)")
        }
        let runner = RoundRunner(name: name, workers: workers, operationsPerWorker: perWorker, unit: "calls") {
            worker in try await operation(worker)
        }
        fixture.set(DataCallState(bench: bench, runner: runner))
    } teardown: {
        guard let state = fixture.take() else { return }
        state.runner.finish(target: target, cpuNote: true)
        try await state.bench.close()
    }
}

/// The aggregate's SQL, run with GRDB directly: one read-only connection to the same file (configured as the
/// runtime's executor configures its own), the statement prepared and stepped per call as GRDB's
/// `fetchOne(_:sql:arguments:)` does.
private func registerRawAggregate() {
    let name = "data.aggregate.sum.raw"
    let fixture = Fixture<RawAggregateState>()
    var configuration = RoundMetrics.configuration(
        scalingFactor: .one, maxDuration: .seconds(8), maxIterations: 1_000, warmupIterations: 2,
        operationsPerRound: 10, commits: false)
    configuration.tags = ["callers": "1", "rows": "\(DataFixture.rowCount)"]
    Benchmark(name, configuration: configuration) { benchmark in
        try await fixture.value.runner.runRound(benchmark)
    } setup: {
        let path = try DataFixture.databasePath()
        let policy = try DataPolicy.parse(Data(DataFixture.policy.utf8))
        let models = try policy.expose(schema: try await SchemaCatalog.introspect(sqlitePath: path))
        guard let model = models[DataFixture.table] else { throw BenchError("the policy exposes no customers") }
        let raw = try await RawAggregate.open(model: model, path: path)
        let runner = RoundRunner(name: name, workers: 1, operationsPerWorker: 10, unit: "queries") { _ in
            _ = try await raw.sum()
        }
        fixture.set(RawAggregateState(raw: raw, runner: runner))
    } teardown: {
        guard let state = fixture.take() else { return }
        let raw = state.runner.latencyPercentile(0.50)
        let written = RoundRunner.writtenSummaries()
        let ratios = ["data.aggregate.sum", "data.aggregate.sum.no-fsync-store"].compactMap { name -> String? in
            guard raw > 0, let p50 = written[name]?["p50_us"] as? Double else { return nil }
            let ratio = p50 / raw
            let verdict = name == "data.aggregate.sum" ? (ratio <= 1.2 ? " ok" : " ABOVE") : ""
            return "\(name) p50 = " + String(format: "%.2f", ratio) + "x this" + verdict
        }
        state.runner.finish(
            target: "reference for data.aggregate.sum", cpuNote: true,
            note: ratios.isEmpty ? nil : ratios.joined(separator: "; "))
        try state.raw.queue.close()
    }
}

/// `QueryRequest` + `DataCompiler.compile` of the `data.query` request; `fromText` also parses the request's
/// JSON text first (what the MCP and HTTP edges do before the runtime sees the arguments).
private func registerCompile(_ name: String, fromText: Bool, target: String) {
    let perRound = 1_000
    let fixture = Fixture<RoundRunner>()
    var configuration = RoundMetrics.configuration(
        scalingFactor: .kilo, maxDuration: .seconds(5), maxIterations: 1_000, warmupIterations: 2,
        operationsPerRound: perRound, commits: false)
    configuration.tags = ["database": "none"]
    Benchmark(name, configuration: configuration) { benchmark in
        try await fixture.value.runRound(benchmark)
    } setup: {
        let path = try DataFixture.databasePath()
        let policy = try DataPolicy.parse(Data(DataFixture.policy.utf8))
        let models = try policy.expose(schema: try await SchemaCatalog.introspect(sqlitePath: path))
        guard let model = models[DataFixture.table] else { throw BenchError("the policy exposes no customers") }
        let compiler = DataCompiler(dialect: .sqlite, cursorKey: DataFixture.secret)
        let principal = DataFixture.principal(tenant: 0)
        let text = DataFixture.queryArguments.canonicalData()
        let runner = RoundRunner(name: name, workers: 1, operationsPerWorker: perRound, unit: "compiles") { _ in
            let arguments = fromText ? try JSONValue.parse(text) : DataFixture.queryArguments
            let request = try QueryRequest(arguments: arguments, model: model)
            blackHole(try compiler.compile(request, model: model, principal: principal))
        }
        fixture.set(runner)
    } teardown: {
        fixture.take()?.finish(target: target, cpuNote: true)
    }
}

/// The aggregate request compiled for ``aggregateTenant`` and a GRDB connection to run it on.
struct RawAggregate: Sendable {
    let queue: DatabaseQueue
    let statement: CompiledStatement

    static func open(model: ExposedModel, path: String) async throws -> RawAggregate {
        let compiler = DataCompiler(dialect: .sqlite, cursorKey: DataFixture.secret)
        let request = try AggregateRequest(arguments: DataFixture.aggregateArguments, model: model)
        let compiled = try compiler.compile(
            request, model: model, principal: DataFixture.principal(tenant: aggregateTenant))
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(5)
        return RawAggregate(
            queue: try DatabaseQueue(path: path, configuration: configuration), statement: compiled.statement)
    }

    func sum() async throws -> Double {
        let sql = statement.sql
        let arguments = StatementArguments(statement.binds.map(\.grdbValue))
        return try await queue.read { db in try Double.fetchOne(db, sql: sql, arguments: arguments) ?? 0 }
    }
}

extension DataValue {
    /// The value as GRDB binds it.
    var grdbValue: DatabaseValue {
        switch self {
        case .null: .null
        case .integer(let value): value.databaseValue
        case .real(let value): value.databaseValue
        case .text(let value): value.databaseValue
        case .boolean(let value): value.databaseValue
        case .blob(let bytes): Data(bytes).databaseValue
        }
    }
}

/// Hands out call numbers to concurrent callers (which row a `db.get` reads).
final class CallCounter: Sendable {
    private let value = Atomic<Int>(0)

    func next() -> Int { value.wrappingAdd(1, ordering: .relaxed).oldValue }
}

private struct DataCallState: Sendable {
    let bench: DataBench
    let runner: RoundRunner
}

private struct RawAggregateState: Sendable {
    let raw: RawAggregate
    let runner: RoundRunner
}
