import HangarCore

/// A Hangar database: the event log, the projections written with it, leases and the budget ledger.
///
/// Two adapters conform, ``SQLiteStorage`` (GRDB, the embedded default) and ``PostgresStorage``
/// (PostgresNIO). Adapters implement only these primitives; the public API for leases, budgets and
/// subscriptions is written once, in extensions, on top of ``submit(_:)``. One conformance suite in
/// `HangarTesting` runs against both.
public protocol HangarStorage: Sendable {
    var backend: StorageBackend { get }

    /// Creates or upgrades the schema. Safe to call on every start and from several processes at once.
    func migrate() async throws

    /// Runs one write command in a transaction shared with other concurrent callers (group commit).
    /// Returns only after the transaction is durable; a failing command rolls back alone.
    func submit(_ command: StoreCommand) async throws -> StoreCommandResult

    /// Reads a page of events, oldest first.
    func read(_ query: EventQuery) async throws -> [Event]

    /// The highest `seq` in the log, 0 when empty.
    func head() async throws -> Int64

    /// Returns when the log may have grown past `seq`: at once when it already has, at the latest after
    /// `timeout` milliseconds (a wake-up can come from another process, so callers re-read either way).
    func waitForAppend(after seq: Int64, timeoutMilliseconds: Int64) async throws

    /// Recomputes every projection from the log, in one transaction.
    func rebuildProjections() async throws

    /// A SHA-256 over every projection row in key order: equal digests mean byte-identical projections.
    func projectionDigest() async throws -> String

    /// Reads one projection row by its primary key.
    func projectionRow(_ table: ProjectionTable, key: [ProjectionValue]) async throws -> ProjectionRow?

    /// Reads the rows whose leading columns equal `prefix` (every row when it is empty), in key order, at most
    /// `limit` of them.
    func projectionRows(_ table: ProjectionTable, prefix: [ProjectionValue], limit: Int) async throws
        -> [ProjectionRow]

    /// Checks that the database answers (for `/ready`).
    func ping() async throws

    /// Closes connections; further calls fail.
    func close() async throws
}

/// Which adapter a storage uses.
public enum StorageBackend: String, Sendable, Codable {
    case sqlite
    case postgres
}
