import Foundation
public import Logging
public import MCP

/// The Streamable HTTP side of MCP (`/mcp`), independent of any HTTP framework: an adapter turns its
/// framework's request into an MCP `HTTPRequest`, resolves the caller, and writes back the `HTTPResponse`
/// (`.stream` is an SSE body to pipe out as it comes).
///
/// Each `initialize` opens a session: its own MCP `Server` on its own `StatefulHTTPServerTransport`
/// (session id in `Mcp-Session-Id`, replies as SSE, `Last-Event-ID` resumption). A session belongs to the
/// caller that opened it; a request of another caller for it is refused with 403. Sessions end with
/// `DELETE /mcp`, after ``MCPHTTPConfiguration/idleTimeout`` without a request (checked on every request
/// and by ``runIdleSweeper(every:)``), or with ``closeAllSessions()`` at shutdown.
public actor MCPHTTPEndpoint {
    struct Session {
        let server: Server
        let transport: StatefulHTTPServerTransport
        let caller: ToolCaller
        var lastSeen: ContinuousClock.Instant
    }

    public let registry: ToolRegistry
    public let configuration: MCPHTTPConfiguration
    let logger: Logger
    private var sessions: [String: Session] = [:]
    /// Sessions being opened: counted against the limit while `open` awaits.
    private var opening = 0
    private var lastSweep = ContinuousClock.now

    public init(registry: ToolRegistry, configuration: MCPHTTPConfiguration = .init(), logger: Logger) {
        self.registry = registry
        self.configuration = configuration
        self.logger = logger
    }

    public var sessionCount: Int { sessions.count }

    /// Serves one HTTP request to the MCP endpoint on behalf of `caller`.
    public func handle(_ request: HTTPRequest, caller: ToolCaller) async -> HTTPResponse {
        let now = ContinuousClock.now
        if now - lastSweep >= .seconds(1) { await sweepIdleSessions(now: now) }

        let method = request.method.uppercased()
        if let id = request.header(HTTPHeaderName.sessionID) {
            guard var session = sessions[id] else {
                return .error(statusCode: 404, .invalidRequest("Not Found: the session does not exist or has ended"))
            }
            guard session.caller == caller else {
                return .error(statusCode: 403, .invalidRequest("Forbidden: the session belongs to another caller"))
            }
            session.lastSeen = now
            sessions[id] = session
            let response = await session.transport.handleRequest(request)
            if method == "DELETE" && response.statusCode == 200 {
                await close(id, reason: "deleted")
            }
            return response
        }

        guard method == "POST", let body = request.body, Self.isInitialize(body) else {
            return .error(statusCode: 400, .invalidRequest("Bad Request: missing \(HTTPHeaderName.sessionID) header"))
        }
        return await open(request, caller: caller, now: now)
    }

    /// Closes sessions idle past the limit; returns how many.
    @discardableResult
    public func sweepIdleSessions(now: ContinuousClock.Instant = .now) async -> Int {
        lastSweep = now
        let expired = sessions.filter { now - $0.value.lastSeen >= configuration.idleTimeout }.keys
        for id in expired { await close(id, reason: "idle") }
        return expired.count
    }

    public func closeAllSessions() async {
        for id in Array(sessions.keys) { await close(id, reason: "shutdown") }
    }

    /// Sweeps idle sessions every `interval` until the task is cancelled, then closes every session. Run it
    /// for as long as the endpoint serves (the server wraps it in a `Service`).
    public func runIdleSweeper(every interval: Duration = .seconds(30)) async {
        while !Task.isCancelled {
            do {
                try await Task.sleep(for: interval)
            } catch {
                break
            }
            await sweepIdleSessions()
        }
        await closeAllSessions()
    }

    private func open(_ request: HTTPRequest, caller: ToolCaller, now: ContinuousClock.Instant) async -> HTTPResponse {
        if sessions.count + opening >= configuration.maxSessions {
            await sweepIdleSessions(now: now)
            guard sessions.count + opening < configuration.maxSessions else {
                logger.warning(
                    "MCP session refused: too many sessions",
                    metadata: ["mcp.sessions": "\(sessions.count)"]
                )
                return .error(statusCode: 503, .internalError("Service Unavailable: too many MCP sessions"))
            }
        }
        opening += 1
        defer { opening -= 1 }
        let id = UUID().uuidString
        let transport = StatefulHTTPServerTransport(
            sessionIDGenerator: FixedSessionID(id: id),
            validationPipeline: validationPipeline(),
            retryInterval: configuration.sseRetryMilliseconds,
            logger: logger
        )
        let server = await MCPToolServer.makeServer(registry: registry, caller: caller)
        do {
            try await server.start(transport: transport)
        } catch {
            logger.error("MCP session could not start", metadata: ["error": "\(error)"])
            await server.stop()
            return .error(statusCode: 500, .internalError("Internal error: the session could not start"))
        }
        let response = await transport.handleRequest(request)
        guard case .stream = response else {
            await server.stop()
            return response
        }
        sessions[id] = Session(server: server, transport: transport, caller: caller, lastSeen: now)
        logger.debug("MCP session opened", metadata: ["mcp.session": "\(id)", "tool.actor": "\(caller.actor)"])
        return response
    }

    private func close(_ id: String, reason: String) async {
        guard let session = sessions.removeValue(forKey: id) else { return }
        await session.server.stop()
        logger.debug("MCP session closed", metadata: ["mcp.session": "\(id)", "mcp.reason": "\(reason)"])
    }

    private func validationPipeline() -> any HTTPRequestValidationPipeline {
        let origin: OriginValidator
        switch configuration.hostPolicy {
        case .localhost: origin = .localhost()
        case .allow(let hosts, let origins): origin = OriginValidator(allowedHosts: hosts, allowedOrigins: origins)
        case .any: origin = .disabled
        }
        return StandardValidationPipeline(validators: [
            origin,
            AcceptHeaderValidator(mode: .sseRequired),
            ContentTypeValidator(),
            ProtocolVersionValidator(),
            SessionValidator(),
        ])
    }

    private static func isInitialize(_ body: Data) -> Bool {
        guard let message = try? JSONSerialization.jsonObject(with: body) as? [String: Any] else { return false }
        return message["method"] as? String == "initialize" && message["id"] != nil
    }
}

/// Hands the transport the session id the endpoint chose, so the endpoint knows it before the transport
/// answers.
private struct FixedSessionID: SessionIDGenerator {
    let id: String
    func generateSessionID() -> String { id }
}
