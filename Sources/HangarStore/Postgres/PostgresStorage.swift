public import HangarCore
public import Logging

/// PostgreSQL adapter (being written).
public final class PostgresStorage: HangarStorage {
    public let backend = StorageBackend.postgres

    public init(location: PostgresLocation, projections: ProjectionSet, clock: HangarClock, logger: Logger) async throws {
        throw HangarError(.unavailable, "PostgreSQL adapter not built yet")
    }

    public func migrate() async throws {}
    public func submit(_ command: StoreCommand) async throws -> StoreCommandResult { .done }
    public func read(_ query: EventQuery) async throws -> [Event] { [] }
    public func head() async throws -> Int64 { 0 }
    public func waitForAppend(after seq: Int64, timeoutMilliseconds: Int64) async throws {}
    public func rebuildProjections() async throws {}
    public func projectionDigest() async throws -> String { "" }
    public func projectionRow(_ table: ProjectionTable, key: [ProjectionValue]) async throws -> ProjectionRow? { nil }
    public func ping() async throws {}
    public func close() async throws {}
}
