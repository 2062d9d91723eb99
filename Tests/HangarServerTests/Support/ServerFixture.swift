import Foundation
import HangarCore
import HangarServer
import HangarStore
import HangarTesting
import Logging

/// A Hangar application over a fresh temporary SQLite store, for one test.
enum ServerFixture {
    static let logger: Logger = {
        var logger = Logger(label: "hangar.test.server")
        logger.logLevel = .critical
        return logger
    }()

    /// Runs `body` with the application and its store. The application's storage service closes the store when
    /// the application stops; the store's directory is removed afterwards.
    static func withApp<T>(
        options: ServerOptions = ServerOptions(), mcp: (any MCPMounting)? = nil,
        _ body: (HangarApplication.App, any HangarStorage) async throws -> T
    ) async throws -> T {
        HangarMetrics.bootstrap()
        let location = try StorageHarness.makeLocation(.sqlite)
        let storage = try await StorageFactory.open(location, logger: logger)
        let app = HangarApplication.make(
            storage: storage, configuration: ServerConfiguration(port: 0), options: options, mcp: mcp,
            logger: logger)
        do {
            let result = try await body(app, storage)
            try? await storage.close()
            try await StorageHarness.dispose(location)
            return result
        } catch {
            try? await storage.close()
            try? await StorageHarness.dispose(location)
            throw error
        }
    }
}
