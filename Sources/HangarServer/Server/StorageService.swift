import HangarStore
import Logging
import ServiceLifecycle

/// Keeps the store open while the server runs and closes it on shutdown. It is the first service of the
/// group, so the group stops it last: after the HTTP server has drained its requests and streams.
struct StorageService: Service, CustomStringConvertible {
    let storage: any HangarStorage
    let logger: Logger

    var description: String { "StorageService(\(storage.backend.rawValue))" }

    func run() async throws {
        // Returns on graceful shutdown, throws when the group is cancelled; either way the store closes.
        try? await gracefulShutdown()
        do {
            try await storage.close()
            logger.info("store closed", metadata: ["store.backend": "\(storage.backend.rawValue)"])
        } catch {
            logger.error("closing the store failed", metadata: ["error.underlying": "\(String(reflecting: error))"])
        }
    }
}
