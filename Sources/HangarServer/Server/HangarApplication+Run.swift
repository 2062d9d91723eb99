import HangarCore
public import HangarGateway
import HangarStore
import Hummingbird
public import Logging
import ServiceLifecycle
import Synchronization

extension HangarApplication {
    /// Runs `hangar serve` until SIGTERM or SIGINT: bootstraps metrics, opens the store the configuration
    /// names, serves, then drains open requests and SSE streams and closes the store. Returns normally after
    /// a graceful shutdown.
    public static func run(
        configuration: ServerConfiguration, options: ServerOptions = ServerOptions(), mcp: (any MCPMounting)? = nil,
        gateway: GatewayConfig? = nil, logger: Logger,
        onListening: @escaping @Sendable (ListeningAddress) async -> Void = { _ in }
    ) async throws {
        HangarMetrics.bootstrap()
        try configuration.validate()
        var storeLogger = logger
        storeLogger[metadataKey: "store.location"] = "\(try configuration.storageLocation())"
        let storage = try await configuration.openStorage(logger: storeLogger)
        let listening = Atomic<Bool>(false)
        let app = make(
            storage: storage, configuration: configuration, options: options, mcp: mcp, gateway: gateway,
            logger: logger,
            onListening: { address in
                listening.store(true, ordering: .relaxed)
                await onListening(address)
            })
        do {
            try await app.runService()
        } catch {
            guard !listening.load(ordering: .relaxed) else { throw error }
            throw HangarError(
                .unavailable, "cannot listen on \(configuration.host):\(configuration.port)", underlying: error)
        }
    }
}
