public import HangarTools
public import ServiceLifecycle

/// The service that ends idle MCP sessions every `interval` and, at shutdown, every session.
public struct MCPSessionSweeper: Service {
    public let endpoint: MCPHTTPEndpoint
    public let interval: Duration

    public init(endpoint: MCPHTTPEndpoint, interval: Duration = .seconds(30)) {
        self.endpoint = endpoint
        self.interval = interval
    }

    public func run() async throws {
        let endpoint = self.endpoint
        let interval = self.interval
        await cancelWhenGracefulShutdown {
            await endpoint.runIdleSweeper(every: interval)
        }
    }
}
