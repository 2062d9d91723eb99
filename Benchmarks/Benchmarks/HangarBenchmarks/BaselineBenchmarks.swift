import Benchmark
import Foundation
import GRDB
import HangarCore
import HangarStore

/// The reference the store's append figures are read against, measured in the same run on the same disk:
/// plain SQLite (through GRDB, no Hangar code) in WAL mode with `synchronous=FULL`, one transaction per event
/// inserted into a table shaped like the event log. A durable single-writer append cannot beat it by much,
/// since each commit waits for one fsync of the WAL; a store that does is not syncing.
func registerBaselineBenchmarks() {
    let name = "baseline.sqlite.full.1txn"
    let fixture = Fixture<BaselineState>()
    var configuration = RoundMetrics.configuration(
        scalingFactor: .one, maxDuration: .seconds(5), maxIterations: 2_000, warmupIterations: 20,
        operationsPerRound: 1, commits: false)
    configuration.tags = ["backend": "sqlite", "synchronous": "FULL"]
    Benchmark(name, configuration: configuration) { benchmark in
        try await fixture.value.runner.runRound(benchmark)
    } setup: {
        let directory = BenchDatabase.sqliteParent.appendingPathComponent(
            "hangar-bench-baseline-\(UUID().uuidString.lowercased())", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let queue = try DatabaseQueue(path: directory.appendingPathComponent("baseline.sqlite").path)
        // Set after opening: GRDB's own WAL set-up (DatabasePool, or `journalMode = .wal`) switches the
        // connection to synchronous=NORMAL after `prepareDatabase` has run.
        let (journal, synchronous) = try await queue.writeWithoutTransaction { db in
            let journal = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
            try db.execute(sql: "PRAGMA synchronous = FULL")
            try db.execute(
                sql: """
                    CREATE TABLE events (seq INTEGER PRIMARY KEY, stream TEXT NOT NULL, kind TEXT NOT NULL,
                        ts INTEGER NOT NULL, actor TEXT NOT NULL, payload TEXT NOT NULL, idempotency_key TEXT UNIQUE)
                    """)
            return (journal, try Int.fetchOne(db, sql: "PRAGMA synchronous"))
        }
        guard journal == "wal", synchronous == 2 else {
            throw BenchError("baseline connection is journal_mode=\(journal ?? "?") synchronous=\(synchronous ?? -1)")
        }
        let payload = EventMix.plainEvent(worker: 0, index: 0).payload.canonicalString()
        let runner = RoundRunner(name: name, workers: 1, operationsPerWorker: 1, unit: "events") { _ in
            try await queue.write { db in
                try db.execute(
                    sql: "INSERT INTO events (stream, kind, ts, actor, payload) VALUES (?, ?, ?, ?, ?)",
                    arguments: ["run:bench-0", "tool.called", 0, "agent-0", payload])
            }
        }
        fixture.set(BaselineState(queue: queue, directory: directory, runner: runner))
    } teardown: {
        guard let state = fixture.take() else { return }
        state.runner.finish(target: "reference: one fsync per commit")
        try state.queue.close()
        try? FileManager.default.removeItem(at: state.directory)
    }
}

private struct BaselineState: Sendable {
    let queue: DatabaseQueue
    let directory: URL
    let runner: RoundRunner
}
