/// Settings of the Streamable HTTP endpoint (`/mcp`).
public struct MCPHTTPConfiguration: Sendable, Hashable {
    /// Which `Host` and `Origin` headers are accepted: the protection against DNS rebinding that the MCP
    /// specification asks of servers.
    public enum HostPolicy: Sendable, Hashable {
        /// `localhost`, `127.0.0.1` and `[::1]` on any port: a server bound to loopback.
        case localhost
        /// These hosts (`api.example.com:443`, `*` as the port matches any port) and origins
        /// (`https://app.example.com`).
        case allow(hosts: [String], origins: [String])
        /// No check, for servers behind a proxy that checks.
        case any
    }

    /// A session with no request for this long is closed.
    public var idleTimeout: Duration
    /// The most sessions open at once; an `initialize` past it is refused with 503 after idle sessions were
    /// closed.
    public var maxSessions: Int
    /// The largest request body read, in bytes.
    public var maxBodyBytes: Int
    public var hostPolicy: HostPolicy
    /// The `retry:` (milliseconds) of the priming SSE event, telling clients how soon to reconnect.
    public var sseRetryMilliseconds: Int?

    public init(
        idleTimeout: Duration = .seconds(30 * 60),
        maxSessions: Int = 1000,
        maxBodyBytes: Int = 1 << 20,
        hostPolicy: HostPolicy = .localhost,
        sseRetryMilliseconds: Int? = nil
    ) {
        self.idleTimeout = idleTimeout
        self.maxSessions = maxSessions
        self.maxBodyBytes = maxBodyBytes
        self.hostPolicy = hostPolicy
        self.sseRetryMilliseconds = sseRetryMilliseconds
    }
}
