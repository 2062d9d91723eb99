/// Tunables of the HTTP layer that are not user configuration.
public struct ServerOptions: Sendable {
    /// How often an idle SSE stream gets a heartbeat comment.
    public var heartbeat: Duration
    /// How long `/ready` waits for the database.
    public var readyTimeout: Duration

    public init(heartbeat: Duration = .seconds(15), readyTimeout: Duration = .seconds(2)) {
        self.heartbeat = heartbeat
        self.readyTimeout = readyTimeout
    }
}
