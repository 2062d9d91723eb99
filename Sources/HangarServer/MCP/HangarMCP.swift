public import HangarStore
public import HangarTools
public import Hummingbird
public import Logging
public import ServiceLifecycle
import Synchronization

/// Hangar's MCP endpoint as the server mounts it: `HangarApplication.run(…, mcp: HangarMCP())`.
///
/// When mounted it builds the tool registry over the server's store, registers the tools (by default the
/// built-ins), and serves them over Streamable HTTP at `/mcp` and over REST at `/v1/tools` (``ToolRoutes``). Its one service sweeps idle sessions and closes
/// every session at shutdown.
public final class HangarMCP: MCPMounting {
    public typealias CallerResolver = @Sendable (Request, HangarRequestContext) async throws -> ToolCaller

    public let configuration: MCPHTTPConfiguration
    public let sweepInterval: Duration
    let caller: CallerResolver
    let registerTools: @Sendable (ToolRegistry) throws -> Void
    private let mounted = Mutex<MCPHTTPEndpoint?>(nil)

    /// - Parameters:
    ///   - caller: who a request comes from. Until Hangar has authentication, the default is
    ///     ``unauthenticatedCaller``, which grants every scope: keep the server on loopback (the default host
    ///     policy only accepts loopback `Host` headers).
    ///   - registerTools: registers the served tools on the new registry.
    public init(
        configuration: MCPHTTPConfiguration = MCPHTTPConfiguration(),
        sweepInterval: Duration = .seconds(30),
        caller: @escaping CallerResolver = HangarMCP.unauthenticatedCaller,
        registerTools: @escaping @Sendable (ToolRegistry) throws -> Void = { try $0.registerBuiltIns() }
    ) {
        self.configuration = configuration
        self.sweepInterval = sweepInterval
        self.caller = caller
        self.registerTools = registerTools
    }

    /// Every request is the actor `http` with every scope.
    public static let unauthenticatedCaller: CallerResolver = { _, _ in
        ToolCaller(actor: "http", scopes: [ToolCaller.allScopes])
    }

    /// The endpoint, once mounted.
    public var endpoint: MCPHTTPEndpoint? { mounted.withLock { $0 } }

    public func mount(on router: Router<HangarRequestContext>, storage: any HangarStorage, logger: Logger) {
        var logger = logger
        logger[metadataKey: "mcp.transport"] = "http"
        let registry = ToolRegistry(storage: storage, logger: logger)
        do {
            try registerTools(registry)
        } catch {
            // A tool declared wrongly is a programming error; the endpoint still serves the tools that registered.
            logger.critical("MCP tools could not be registered", metadata: ["error": "\(error)"])
        }
        let endpoint = MCPHTTPEndpoint(registry: registry, configuration: configuration, logger: logger)
        mounted.withLock { $0 = endpoint }
        addMCPRoutes(to: router, endpoint: endpoint, caller: caller)
        ToolRoutes(registry: registry, caller: caller).register(on: router)
    }

    public var services: [any Service] { [MountedSweeper(owner: self)] }

    /// Finds the endpoint when it runs, since ``services`` may be read before ``mount(on:storage:logger:)``.
    private struct MountedSweeper: Service {
        let owner: HangarMCP

        func run() async throws {
            guard let endpoint = owner.endpoint else {
                try await gracefulShutdown()
                return
            }
            try await MCPSessionSweeper(endpoint: endpoint, interval: owner.sweepInterval).run()
        }
    }
}
