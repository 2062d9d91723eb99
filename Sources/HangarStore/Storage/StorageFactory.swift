public import HangarCore
public import Logging

/// Opens the store a location names, migrated and ready.
public enum StorageFactory {
    public static func open(
        _ location: StorageLocation, projections: ProjectionSet = ProjectionSet(), clock: HangarClock = .system,
        logger: Logger = Logger(label: "hangar.store"), migrate: Bool = true
    ) async throws -> any HangarStorage {
        let storage: any HangarStorage
        switch location {
        case .sqlite(let path):
            storage = try SQLiteStorage(path: path, projections: projections, clock: clock, logger: logger)
        case .postgres(let postgres):
            storage = try await PostgresStorage(
                location: postgres, projections: projections, clock: clock, logger: logger)
        }
        if migrate {
            do {
                try await storage.migrate()
            } catch {
                try? await storage.close()
                throw error
            }
        }
        return storage
    }
}
