import HangarServer
import HangarStore
import Logging

extension StorageOptions {
    /// Loads the configuration (with `logLevel` when given), sets up logging, opens the store, runs `body` and
    /// closes the store whether `body` returns or throws. Every command that works on the store goes through
    /// here.
    func withStore<T>(
        logLevel: String? = nil, logger: Logger = Logger(label: "hangar.store"), migrate: Bool = true,
        _ body: (any HangarStorage, ServerConfiguration) async throws -> T
    ) async throws -> T {
        var overrides = self.overrides
        if let logLevel { overrides.logLevel = logLevel }
        let configuration = try await ServerConfiguration.load(overrides: overrides)
        CommandLogging.bootstrap(level: configuration.logLevel)
        let store = try await configuration.openStorage(logger: logger, migrate: migrate)
        do {
            let result = try await body(store, configuration)
            try await store.close()
            return result
        } catch {
            try? await store.close()
            throw error
        }
    }
}
