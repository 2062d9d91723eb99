public import HangarGateway
public import HangarStore
import HangarWorkspace
public import Hummingbird
public import Logging

/// The routes of the Hangar HTTP API behind their middleware.
public enum HangarRouter {
    /// - Parameter workspaceHome: the state directory of the workspace runtime; without it the `/v1/vaults`
    ///   and `/v1/workspaces` routes are not served.
    public static func build(
        storage: any HangarStorage, options: ServerOptions = ServerOptions(), mcp: (any MCPMounting)? = nil,
        workspaceHome: String? = nil, gateway: Gateway? = nil, logger: Logger
    ) -> Router<HangarRequestContext> {
        let router = Router(context: HangarRequestContext.self)
        // Outermost first: metrics see the status the error middleware chose; every error, unknown routes
        // included, leaves as the JSON envelope.
        router.add(middleware: MetricsMiddleware())
        router.add(middleware: LogRequestsMiddleware(.debug))
        router.add(middleware: ErrorMiddleware())
        HealthRoutes(storage: storage, readyTimeout: options.readyTimeout).register(on: router)
        MetricsRoutes().register(on: router)
        EventRoutes(storage: storage, heartbeat: options.heartbeat).register(on: router)
        if let workspaceHome {
            do {
                let runtime = try WorkspaceRuntime(
                    configuration: .load(home: workspaceHome), storage: storage,
                    actor: "http", logger: logger)
                try WorkspaceRoutes(runtime: runtime, logger: logger).register(on: router)
            } catch {
                logger.error("the workspace routes are not served", metadata: ["error": "\(error)"])
            }
        }
        if let gateway { GatewayRoutes(gateway: gateway).register(on: router) }
        // MCP Streamable HTTP (`/mcp`) mounts here, behind the same middleware.
        mcp?.mount(on: router, storage: storage, logger: logger)
        return router
    }
}
