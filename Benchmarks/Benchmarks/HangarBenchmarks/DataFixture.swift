import Foundation
import GRDB
import HangarCore
import HangarData

#if canImport(Glibc)
    import Glibc
#endif

/// The operator database the `data.*` benchmarks read: one SQLite file of 100,000 `customers` rows spread over
/// 10 tenants (row `id` belongs to tenant `id % 10`, so each tenant's rows are spread over the whole file, as
/// in a shared table that grew over time), with the indexes an operator would have on it: `(tenant_id,
/// status)` and `(tenant_id, age)`. No `ANALYZE`: an operator database usually has no statistics.
///
/// ordo-one runs each benchmark in its own process, so the file is made once per run of `swift package
/// benchmark` (the processes' common parent) in `hangar-bench-data-<parent pid>` under ``BenchDatabase/sqliteParent``.
/// A directory left behind by a run that is no longer running is deleted when the next run makes its own.
enum DataFixture {
    static let rowCount = 100_000
    static let tenantCount = 10
    static let table = "customers"
    /// The data secret (cursor sealing, hashed fields): fixed, so runs are comparable.
    static let secret = [UInt8](repeating: 7, count: 32)

    /// The policy over the table: `tenant_id` scopes rows, `email` is masked, `status` and `score` are
    /// aggregatable, and the budgets are high enough not to refuse what the benchmarks ask (1,000,000 calls
    /// per minute is the largest `calls_per_minute` the policy accepts; 10,000,000 is refused).
    static let policy = """
        { "version": 1,
          "models": {
            "customers": {
              "primary_key": "id",
              "fields": { "id": "allow", "name": "allow",
                          "email": {"access": "mask", "pattern": "{first1}***@{domain}"},
                          "status": {"access": "allow", "aggregatable": true},
                          "score": {"access": "allow", "aggregatable": true},
                          "age": "allow", "created_at": "allow" },
              "row_scope": {"tenant_field": "tenant_id"},
              "budgets": {"max_rows": 1000, "calls_per_minute": 1000000} } } }
        """

    /// `db.query` with two filters, an order and a limit of 25: a tenant's active customers aged 30 or more,
    /// youngest first (the `(tenant_id, age)` index serves the order).
    static let queryArguments: JSONValue = [
        "model": "customers",
        "select": ["id", "name", "email", "status", "score", "age"],
        "where": ["and": [["status": ["eq": "active"]], ["age": ["gte": 30]]]],
        "order_by": [["field": "age", "direction": "asc"]],
        "limit": 25,
    ]

    /// `db.aggregate`: the sum of a tenant's active customers' scores.
    static let aggregateArguments: JSONValue = [
        "model": "customers", "op": "sum", "field": "score", "where": ["status": ["eq": "active"]],
    ]

    /// `db.get` of row `id`.
    static func getArguments(id: Int) -> JSONValue { ["model": "customers", "id": .int(Int64(id))] }

    /// The `n`th row id (wrapping) of tenant `index`, spread over the tenant's rows.
    static func rowID(tenant index: Int, _ n: Int) -> Int {
        let perTenant = rowCount / tenantCount
        return index + tenantCount * (1 + (n &* 7_919) % (perTenant - 1))
    }

    static func tenant(_ index: Int) -> String { index < 10 ? "tenant-0\(index)" : "tenant-\(index)" }

    /// An agent of tenant `index` that may read.
    static func principal(tenant index: Int) -> Principal {
        Principal(id: "agent-\(index)", tenant: tenant(index), scopes: [DataScope.read])
    }

    /// The database file of this run, made on first use.
    static func databasePath() throws -> String {
        let parent = BenchDatabase.sqliteParent
        let runID = getppid()
        let directory = parent.appendingPathComponent("hangar-bench-data-\(runID)", isDirectory: true)
        let path = directory.appendingPathComponent("operator.sqlite").path
        if FileManager.default.fileExists(atPath: path) { return path }
        removeStaleDirectories(in: parent, keeping: runID)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        // Built under another name and renamed, so a process never opens a half-written file.
        let partial = directory.appendingPathComponent("operator.sqlite.\(getpid()).partial").path
        try build(at: partial)
        guard rename(partial, path) == 0 else { throw BenchError("cannot rename \(partial) to \(path)") }
        return path
    }

    /// Deletes the directories of runs whose process has ended.
    private static func removeStaleDirectories(in parent: URL, keeping runID: pid_t) {
        let prefix = "hangar-bench-data-"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        for name in names where name.hasPrefix(prefix) {
            guard let pid = pid_t(name.dropFirst(prefix.count)), pid != runID else { continue }
            if kill(pid, 0) == -1, errno == ESRCH {
                try? FileManager.default.removeItem(at: parent.appendingPathComponent(name, isDirectory: true))
            }
        }
    }

    private static func build(at path: String) throws {
        try? FileManager.default.removeItem(atPath: path)
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(
                sql: """
                    CREATE TABLE customers (id INTEGER PRIMARY KEY, tenant_id TEXT NOT NULL, name TEXT NOT NULL,
                        email TEXT, status TEXT NOT NULL, score REAL NOT NULL, age INTEGER NOT NULL,
                        created_at TEXT NOT NULL)
                    """)
            let insert = try db.makeStatement(
                sql: """
                    INSERT INTO customers (id, tenant_id, name, email, status, score, age, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            var random = SplitMix64(seed: 0x4841_4E47)
            let statuses = ["active", "active", "trial", "paused", "churned"]
            for id in 1...rowCount {
                let email: String? = id % 20 == 0 ? nil : "customer\(id)@example\(id % 7).test"
                try insert.execute(arguments: [
                    id, tenant(id % tenantCount), "Customer \(id)", email,
                    statuses[Int(random.next() % UInt64(statuses.count))],
                    Double(random.next() % 100_000) / 100, 18 + Int(random.next() % 63),
                    timestamp(random.next() % (2 * 365 * 86_400)),
                ])
            }
            try db.execute(sql: "CREATE INDEX customers_tenant_status ON customers (tenant_id, status)")
            try db.execute(sql: "CREATE INDEX customers_tenant_age ON customers (tenant_id, age)")
        }
        try queue.close()
    }

    /// `2024-01-01T00:00:00Z` plus `seconds`, in days of 28-day months (only the text's shape matters).
    private static func timestamp(_ seconds: UInt64) -> String {
        let day = Int(seconds / 86_400)
        let time = Int(seconds % 86_400)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let year = 2024 + day / (12 * 28)
        let month = 1 + day / 28 % 12
        return
            "\(year)-\(two(month))-\(two(1 + day % 28))T\(two(time / 3600)):\(two(time / 60 % 60)):\(two(time % 60))Z"
    }
}

/// A small deterministic generator, so every run reads the same rows.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
