import Foundation
import HangarCore
import HangarData
import HangarStore

/// One `data.*` benchmark's runtime: a ``DataRuntime`` over the ``DataFixture`` database (read-only, as
/// `hangar serve` opens it for a read-only policy) that audits into a fresh Hangar store of its own, as the
/// server's runtime does.
struct DataBench: Sendable {
    /// Where the Hangar store (the audit log) lives.
    enum Store: String, Sendable {
        /// A real disk (``BenchDatabase/sqliteParent``): every commit waits for its fsync.
        case disk
        /// /dev/shm, where an fsync costs nothing: only for the diagnostics that show what the fsync costs.
        case tmpfs
    }

    let database: BenchDatabase
    let runtime: DataRuntime
    let executor: SQLiteDataExecutor
    let model: ExposedModel
    let path: String

    /// /dev/shm when this machine has it.
    static var tmpfs: URL? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: "/dev/shm", isDirectory: &isDirectory), isDirectory.boolValue
        else { return nil }
        return URL(fileURLWithPath: "/dev/shm", isDirectory: true)
    }

    static func open(store: Store) async throws -> DataBench {
        let path = try DataFixture.databasePath()
        let policy = try DataPolicy.parse(Data(DataFixture.policy.utf8))
        let models = try policy.expose(schema: try await SchemaCatalog.introspect(sqlitePath: path))
        guard let model = models[DataFixture.table] else { throw BenchError("the policy exposes no customers") }
        let parent: URL
        switch store {
        case .disk: parent = BenchDatabase.sqliteParent
        case .tmpfs:
            guard let tmpfs else { throw BenchError("no /dev/shm") }
            parent = tmpfs
        }
        let database = try await BenchDatabase.open(.sqlite, parent: parent)
        let executor = try SQLiteDataExecutor(path: path, writable: false)
        let runtime = DataRuntime(
            models: models, dialect: .sqlite, executor: executor, storage: database.storage,
            secret: DataFixture.secret, logger: BenchDatabase.quietLogger)
        return DataBench(database: database, runtime: runtime, executor: executor, model: model, path: path)
    }

    /// Makes one call before the measurement and checks that it answered and appended its `data.called` event
    /// (allowed, with `rows` rows): a benchmark of calls that fail, or that write no audit, measures nothing.
    func checkedCall(_ tool: DataTool, _ arguments: JSONValue, as principal: Principal, rows: Int) async throws
        -> JSONValue
    {
        let before = try await database.storage.read(EventQuery(limit: EventQuery.maxLimit)).count
        let result = try await runtime.call(tool, arguments: arguments, as: principal)
        let events = try await database.storage.read(EventQuery(limit: EventQuery.maxLimit))
        guard events.count == before + 1, let event = events.last, event.kind == "data.called",
            event.payload["decision"] == "allowed", event.payload["rows"] == .int(Int64(rows))
        else { throw BenchError("\(tool.rawValue) did not append the expected audit event: \(events.last as Any)") }
        return result
    }

    func close() async throws {
        try await executor.close()
        try await database.close()
    }
}
