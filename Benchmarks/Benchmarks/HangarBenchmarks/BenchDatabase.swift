import Foundation
import HangarStore
import Logging

/// A fresh, empty, migrated store for one benchmark: a new SQLite file in a new temporary directory, or a new
/// schema (`bench_<random>`) in the PostgreSQL database `HANGAR_BENCH_POSTGRES_URL` names.
struct BenchDatabase: Sendable {
    enum Backend: String, Sendable {
        case sqlite
        case postgres
    }

    let storage: any HangarStorage
    let location: StorageLocation
    /// What `close()` deletes: the SQLite directory (PostgreSQL schemas are dropped by scripts/bench, since the
    /// store has no API to drop one).
    private let directory: URL?

    /// The PostgreSQL URL the PostgreSQL benchmarks use, or nil to skip them.
    static var postgresURL: String? {
        guard let url = ProcessInfo.processInfo.environment["HANGAR_BENCH_POSTGRES_URL"], !url.isEmpty else {
            return nil
        }
        return url
    }

    /// Where the SQLite files go: `HANGAR_BENCH_DIR`, or the system temporary directory. It must be a real
    /// disk (not tmpfs), or the fsync that `synchronous=FULL` pays for costs nothing.
    static var sqliteParent: URL {
        if let dir = ProcessInfo.processInfo.environment["HANGAR_BENCH_DIR"], !dir.isEmpty {
            return URL(fileURLWithPath: dir, isDirectory: true)
        }
        return FileManager.default.temporaryDirectory
    }

    /// - Parameter parent: where a SQLite store's directory goes; only the diagnostics that show what the fsync
    ///   costs pass anything but ``sqliteParent`` (a tmpfs such as /dev/shm).
    static func open(
        _ backend: Backend, projections: ProjectionSet = ProjectionSet(), parent: URL = sqliteParent
    ) async throws -> BenchDatabase {
        let quiet = quietLogger
        switch backend {
        case .sqlite:
            let directory = parent.appendingPathComponent("hangar-bench-\(randomSuffix())", isDirectory: true)
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let path = directory.appendingPathComponent("bench.sqlite").path
            let storage = try await StorageFactory.open(.sqlite(path: path), projections: projections, logger: quiet)
            return BenchDatabase(storage: storage, location: .sqlite(path: path), directory: directory)
        case .postgres:
            guard let url = postgresURL else {
                throw BenchError("HANGAR_BENCH_POSTGRES_URL is not set")
            }
            guard case .postgres(var location) = try StorageLocation.parse(url) else {
                throw BenchError("HANGAR_BENCH_POSTGRES_URL is not a postgres:// URL")
            }
            location.schema = "bench_\(randomSuffix())"
            let storage = try await StorageFactory.open(.postgres(location), projections: projections, logger: quiet)
            return BenchDatabase(storage: storage, location: .postgres(location), directory: nil)
        }
    }

    /// A second store on the same database, as another process would open it (its own connections and its
    /// own group-committing writer). Close it before closing `self`.
    func openAnother() async throws -> any HangarStorage {
        try await StorageFactory.open(location, logger: Self.quietLogger)
    }

    func close() async throws {
        try await storage.close()
        if let directory { try? FileManager.default.removeItem(at: directory) }
    }

    static var quietLogger: Logger {
        var logger = Logger(label: "hangar.bench") { _ in StreamLogHandler.standardError(label: "hangar.bench") }
        logger.logLevel = .warning
        return logger
    }

    private static func randomSuffix() -> String {
        let letters = Array("abcdefghijklmnopqrstuvwxyz0123456789")
        return String((0..<12).map { _ in letters.randomElement()! })
    }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
