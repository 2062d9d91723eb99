public import HangarStore
public import Hummingbird
public import Logging
public import ServiceLifecycle

/// The hook through which the MCP Streamable HTTP handler (written in `MCP/`) joins the server.
///
/// ``HangarApplication`` calls ``mount(on:storage:logger:)`` once, after its own routes and behind the same
/// middleware (metrics, error envelope), and runs ``services`` in the application's ServiceGroup, before the
/// HTTP server starts and shut down after it stops.
public protocol MCPMounting: Sendable {
    /// Registers the MCP routes (`/mcp`) on the router.
    func mount(on router: Router<HangarRequestContext>, storage: any HangarStorage, logger: Logger)

    /// Long-lived parts of the MCP endpoint (session reapers and the like).
    var services: [any Service] { get }
}

extension MCPMounting {
    public var services: [any Service] { [] }
}
