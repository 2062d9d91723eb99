public import HangarGateway
public import HangarStore
public import Hummingbird
public import Logging
import NIOCore
import ServiceLifecycle

/// The Hangar HTTP server: the router, the store's lifetime and the MCP endpoint's services in one Hummingbird
/// application, which is itself one ServiceGroup.
public enum HangarApplication {
    public typealias App = Application<RouterResponder<HangarRequestContext>>

    /// The application over an open store. The store is closed when the application stops, after the HTTP
    /// server has drained: the storage service comes first in the group, and a group stops its services in
    /// reverse order.
    public static func make(
        storage: any HangarStorage, configuration: ServerConfiguration, options: ServerOptions = ServerOptions(),
        mcp: (any MCPMounting)? = nil, gateway: GatewayConfig? = nil, logger: Logger,
        onListening: @escaping @Sendable (ListeningAddress) async -> Void = { _ in }
    ) -> App {
        var gatewayLogger = logger
        gatewayLogger[metadataKey: "component"] = "gateway"
        let gateway = gateway.map { Gateway(config: $0, storage: storage, logger: gatewayLogger) }
        let router = HangarRouter.build(
            storage: storage, options: options, mcp: mcp, workspaceHome: configuration.home, gateway: gateway,
            logger: logger)
        let host = configuration.host
        let requestedPort = configuration.port
        return Application(
            router: router,
            configuration: ApplicationConfiguration(
                address: .hostname(host, port: requestedPort), serverName: "hangar"),
            // The gateway's service comes after the store's, so on shutdown it writes its last call events before
            // the store closes.
            services: [StorageService(storage: storage, logger: logger)] + (mcp?.services ?? [])
                + (gateway.map { [GatewayService(gateway: $0)] } ?? []),
            onServerRunning: { channel in
                let address = ListeningAddress(host: host, port: channel.localAddress?.port ?? requestedPort)
                logger.info("listening", metadata: ["server.host": "\(host)", "server.port": "\(address.port)"])
                await onListening(address)
            },
            logger: logger
        )
    }
}
