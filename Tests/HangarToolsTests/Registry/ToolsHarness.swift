import HangarCore
import HangarStore
import HangarTesting
import HangarTools
import Logging

/// A registry over a fresh, migrated SQLite store (the real adapter), removed after the test.
enum ToolsHarness {
    static let logger: Logger = {
        var logger = Logger(label: "hangar.tools.test")
        // `test.liar` logs an error on purpose.
        logger.logLevel = .critical
        return logger
    }()

    static func withRegistry<T>(
        argumentLimits: JSONLimits = .toolArguments,
        _ body: (ToolRegistry, any HangarStorage) async throws -> T
    ) async throws -> T {
        try await StorageHarness.withStorage(.sqlite) { storage in
            let registry = ToolRegistry(storage: storage, argumentLimits: argumentLimits, logger: logger)
            return try await body(registry, storage)
        }
    }
}
