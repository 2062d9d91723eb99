import Benchmark
import Foundation
import GRDB
import HangarCore
import HangarData
import HangarStore
import Synchronization

/// `data.query.phases` and `data.get.phases` (diagnostics): where the time of one `db.query` (`db.get`) call
/// goes. One caller runs, for each operation, the steps of a call one after another through the public API,
/// timing each, then the whole call:
///
/// - `decode`: `QueryRequest(arguments:model:)` (`GetRequest`); `compile`: `DataCompiler.compile`;
/// - `execute`: `SQLiteDataExecutor.read`, which holds `sql.grdb` (the same statement run with GRDB directly on
///   a read-only connection: the queue hop and read transaction, `sql.prepare`, then `sql.step` stepping and
///   converting the rows), plus the authorizer's own prepare and the statement-timeout task group;
///   `timeout.group` emulates that task group (a task for the work, a sleeping task for the deadline) around
///   no work at all;
/// - `shape`: `ResultShaper.shape` of the page, the cursor sealing (`shape.cursor`), the result object;
/// - `audit.encode`: canonical JSON of an event shaped like `data.called` (part of `audit.append`);
///   `audit.append`: appending it to the Hangar store on disk (one caller: one fsync), `audit.append.tmpfs` to
///   one on /dev/shm;
/// - `call`, `call.tmpfs`: `DataRuntime.call` as a whole, auditing to each store.
///
/// Each phase becomes a summary line `data.<tool>.phase.<phase>` (p50/p99 of the phase; ops/s = 1 / its mean).
func registerDataPhaseBenchmarks() {
    registerDataPhaseBenchmark(.query)
    registerDataPhaseBenchmark(.get)
}

private func registerDataPhaseBenchmark(_ tool: DataTool) {
    let short = tool.rawValue.dropFirst("db.".count)
    let name = "data.\(short).phases"
    let perIteration = 20
    let fixture = Fixture<DataPhaseState>()
    var configuration = Benchmark.Configuration(
        metrics: [.wallClock, .throughput], timeUnits: .microseconds, warmupIterations: 2, scalingFactor: .one,
        maxDuration: .seconds(10), maxIterations: 500)
    configuration.tags = ["callers": "1", "rows": "\(DataFixture.rowCount)"]
    Benchmark(name, configuration: configuration) { benchmark in
        let state = try fixture.value
        let record = benchmark.currentIteration >= benchmark.configuration.warmupIterations
        benchmark.startMeasurement()
        for _ in 0..<perIteration { try await state.runOnce(state.calls.next(), record: record) }
        benchmark.stopMeasurement()
    } setup: {
        let disk = try await DataBench.open(store: .disk)
        let tmpfs = DataBench.tmpfs == nil ? nil : try await DataBench.open(store: .tmpfs)
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: disk.path, configuration: configuration)
        fixture.set(DataPhaseState(tool: tool, disk: disk, tmpfs: tmpfs, queue: queue))
    } teardown: {
        guard let state = fixture.take() else { return }
        state.phases.finish(prefix: "data.\(short).phase.", target: "(diagnostic: one \(tool.rawValue) call, 1 caller)")
        try state.queue.close()
        try await state.disk.close()
        try await state.tmpfs?.close()
    }
}

private struct DataPhaseState: Sendable {
    let tool: DataTool
    let disk: DataBench
    let tmpfs: DataBench?
    let queue: DatabaseQueue
    let phases = PhaseTimes(
        order: [
            "decode", "compile", "execute", "sql.grdb", "sql.prepare", "sql.step", "timeout.group", "shape",
            "shape.cursor", "audit.encode", "audit.append", "audit.append.tmpfs", "call", "call.tmpfs",
        ])
    let compiler = DataCompiler(dialect: .sqlite, cursorKey: DataFixture.secret)
    let shaper = ResultShaper(hashKey: DataFixture.secret)
    let calls = CallCounter()

    func runOnce(_ index: Int, record: Bool) async throws {
        let model = disk.model
        let tenant = index % DataFixture.tenantCount
        let principal = DataFixture.principal(tenant: tenant)
        let arguments =
            tool == .get
            ? DataFixture.getArguments(id: DataFixture.rowID(tenant: tenant, index)) : DataFixture.queryArguments
        var lap = PhaseLap(phases: phases, record: record)

        let statement: CompiledStatement
        let fields: [ExposedField]
        let pageSize: Int
        var cursor: (([DataValue]) throws -> String)?
        if tool == .get {
            let request = try GetRequest(arguments: arguments, model: model)
            lap.end("decode")
            let compiled = try compiler.compile(request, model: model, principal: principal)
            lap.end("compile")
            (statement, fields, pageSize) = (compiled.statement, compiled.fields, 1)
        } else {
            let request = try QueryRequest(arguments: arguments, model: model)
            lap.end("decode")
            let compiled = try compiler.compile(request, model: model, principal: principal)
            lap.end("compile")
            (statement, fields, pageSize) = (compiled.statement, compiled.fields, compiled.pageSize)
            cursor = { [compiler] last in
                try compiler.nextCursor(after: compiled.sortKeyColumns.map { last[$0] }, for: compiled)
            }
        }
        let rows = try await disk.executor.read(
            statement, model: model, principal: principal, timeout: model.statementTimeout)
        lap.end("execute")

        let sql = statement.sql
        let binds = statement.binds.map(\.grdbValue)
        let grdb = try await queue.read { db in
            let start = ContinuousClock.now
            let prepared = try db.makeStatement(sql: sql)
            try prepared.setArguments(StatementArguments(binds))
            let stepping = ContinuousClock.now
            let rows = try Row.fetchAll(prepared).map(\.databaseValues)
            return GRDBRead(rows: rows.count, prepare: stepping - start, step: ContinuousClock.now - stepping)
        }
        lap.end("sql.grdb")
        lap.add("sql.prepare", grdb.prepare)
        lap.add("sql.step", grdb.step)
        guard grdb.rows == rows.count else { throw BenchError("GRDB read \(grdb.rows) rows") }

        _ = try await Self.timeoutGroup(model.statementTimeout)
        lap.end("timeout.group")

        let page = Array(rows.prefix(pageSize))
        let objects = try shaper.shape(page, fields: fields)
        if tool == .get {
            guard let row = objects.first else { throw BenchError("db.get found no row") }
            blackHole(["row": .object(row)] as JSONValue)
        } else {
            var next = JSONValue.null
            if rows.count > pageSize, let last = page.last, let cursor {
                let start = ContinuousClock.now
                next = .string(try cursor(last))
                lap.add("shape.cursor", ContinuousClock.now - start)
            }
            blackHole(["rows": .array(objects.map(JSONValue.object)), "next_cursor": next] as JSONValue)
        }
        lap.end("shape")

        let draft = Self.auditEvent(tool: tool, arguments: arguments, principal: principal, rows: objects.count)
        blackHole(draft.payload.canonicalString())
        lap.end("audit.encode")
        try await disk.database.storage.append(draft)
        lap.end("audit.append")
        if let tmpfs {
            try await tmpfs.database.storage.append(draft)
            lap.end("audit.append.tmpfs")
        }

        _ = try await disk.runtime.call(tool, arguments: arguments, as: principal)
        lap.end("call")
        if let tmpfs {
            _ = try await tmpfs.runtime.call(tool, arguments: arguments, as: principal)
            lap.end("call.tmpfs")
        }
    }

    /// The shape of `SQLiteDataExecutor`'s statement timeout: the work in one child task, a sleeping deadline
    /// task beside it, cancelled when the work ends. Here the work is nothing.
    private static func timeoutGroup(_ timeout: Duration) async throws -> Int {
        try await withThrowingTaskGroup(of: Int?.self) { group in
            group.addTask { 1 }
            group.addTask {
                try await Task.sleep(for: timeout)
                return nil
            }
            defer { group.cancelAll() }
            while let result = try await group.next() {
                if let value = result { return value }
            }
            return 0
        }
    }

    /// An event with the fields of the runtime's `data.called` (arguments as the redaction leaves them here:
    /// every key and filtered field of this request is plain).
    private static func auditEvent(tool: DataTool, arguments: JSONValue, principal: Principal, rows: Int)
        -> EventDraft
    {
        let payload: JSONValue = [
            "tool": .string(tool.rawValue), "principal": .string(principal.id),
            "tenant": .string(principal.tenant ?? ""),
            "decision": "allowed", "rows": .int(Int64(rows)), "duration_us": 250, "arguments": arguments,
            "model": "customers",
        ]
        return EventDraft(stream: "data:" + principal.id, kind: "data.called", actor: principal.id, payload: payload)
    }
}

extension ExposedModel {
    var statementTimeout: Duration { .milliseconds(budgets.statementTimeoutMilliseconds) }
}

/// What the GRDB read took: its rows, and the time to prepare and to step the statement.
private struct GRDBRead: Sendable {
    let rows: Int
    let prepare: Duration
    let step: Duration
}

/// Times consecutive phases: each `end` records the time since the previous one.
private struct PhaseLap {
    let phases: PhaseTimes
    let record: Bool
    private var last = ContinuousClock.now

    init(phases: PhaseTimes, record: Bool) {
        self.phases = phases
        self.record = record
    }

    mutating func end(_ phase: String) {
        let now = ContinuousClock.now
        add(phase, now - last)
        last = ContinuousClock.now
    }

    func add(_ phase: String, _ duration: Duration) {
        if record { phases.add(phase, RoundRunner.nanoseconds(duration)) }
    }
}

/// The recorded durations of each phase, written as summary lines at the end.
final class PhaseTimes: Sendable {
    private let order: [String]
    private let samples = Mutex<[String: [UInt64]]>([:])

    init(order: [String]) { self.order = order }

    func add(_ phase: String, _ nanoseconds: UInt64) {
        samples.withLock { $0[phase, default: []].append(nanoseconds) }
    }

    func finish(prefix: String, target: String) {
        let all = samples.withLock { $0 }
        for phase in order {
            guard var values = all[phase], !values.isEmpty else { continue }
            values.sort()
            let mean = Double(values.reduce(0, +)) / Double(values.count)
            let line = RoundRunner.summaryLine([
                "name": prefix + phase, "unit": "calls", "workers": 1, "operations": values.count,
                "ops_per_s": mean > 0 ? 1e9 / mean : 0, "mean_us": mean / 1_000,
                "p50_us": Double(RoundRunner.percentile(values, 0.50)) / 1_000,
                "p99_us": Double(RoundRunner.percentile(values, 0.99)) / 1_000,
                "target": target,
            ])
            RoundRunner.writeSummary(line)
        }
    }
}
