import Foundation
public import HangarCore
public import HangarStore
import Logging

/// The storage adapters a conformance test runs against.
public enum StorageKind: String, CaseIterable, Sendable, CustomStringConvertible {
    case sqlite
    case postgres

    public var description: String { rawValue }
}

/// Opens a fresh, migrated store of either kind for one test, and removes it afterwards.
///
/// SQLite gets a new file in a temporary directory. PostgreSQL needs `HANGAR_TEST_POSTGRES_URL` (set by
/// `scripts/test`) and gets a schema of its own, so tests run in parallel without seeing each other. A
/// missing URL is a failure, never a skip: a suite that silently ran on one adapter would prove nothing.
public enum StorageHarness {
    public static let postgresURLVariable = "HANGAR_TEST_POSTGRES_URL"

    public static func withStorage<T>(
        _ kind: StorageKind, clock: HangarClock = .system, projections: ProjectionSet = ProjectionSet(),
        _ body: (any HangarStorage) async throws -> T
    ) async throws -> T {
        let location = try makeLocation(kind)
        let storage = try await StorageFactory.open(location, projections: projections, clock: clock, logger: logger)
        do {
            let result = try await body(storage)
            try await storage.close()
            try await dispose(location)
            return result
        } catch {
            try? await storage.close()
            try? await dispose(location)
            throw error
        }
    }

    /// A new location of `kind` that no other test uses.
    public static func makeLocation(_ kind: StorageKind) throws -> StorageLocation {
        switch kind {
        case .sqlite:
            let directory = FileManager.default.temporaryDirectory
                .appendingPathComponent("hangar-test-\(ULID().description.lowercased())")
            return .sqlite(path: directory.appendingPathComponent("hangar.sqlite").path)
        case .postgres:
            guard let url = ProcessInfo.processInfo.environment[postgresURLVariable], !url.isEmpty else {
                throw HangarError(
                    .configInvalid,
                    "\(postgresURLVariable) is not set: run scripts/test, which starts PostgreSQL and sets it")
            }
            guard case .postgres(var location) = try StorageLocation.parse(url) else {
                throw HangarError(.configInvalid, "\(postgresURLVariable) is not a postgres:// URL")
            }
            location.schema = "t_\(ULID().description.lowercased())"
            return .postgres(location)
        }
    }

    /// Removes what a test location left behind: the SQLite directory. PostgreSQL schemas stay, so a failing
    /// test leaves its data to look at; `scripts/test` drops test schemas older than an hour.
    public static func dispose(_ location: StorageLocation) async throws {
        if case .sqlite(let path) = location {
            try? FileManager.default.removeItem(at: URL(fileURLWithPath: path).deletingLastPathComponent())
        }
    }

    static let logger: Logger = {
        var logger = Logger(label: "hangar.test")
        logger.logLevel = .warning
        return logger
    }()
}
