import AsyncHTTPClient
import Logging
import NIOCore
import NIOHTTP1

/// The HTTP client of every provider call: one async-http-client with a connection pool per host, kept for the
/// gateway's lifetime (``GatewayService`` shuts it down).
public final class UpstreamClient: Sendable {
    let http: HTTPClient

    public init() {
        var configuration = HTTPClient.Configuration()
        // A busy gateway keeps many calls to one provider in flight; the default soft limit of 8 connections per
        // host would queue them.
        configuration.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: 256)
        configuration.timeout.connect = .seconds(5)
        configuration.redirectConfiguration = .disallow
        configuration.decompression = .disabled
        http = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }

    /// Sends one call; returns at the response head, before the body. `headTimeout` bounds the wait for the head.
    func send(
        provider: ProviderConfig, path: String, body: ByteBuffer, headTimeout: Duration, logger: Logger
    ) async throws -> HTTPClientResponse {
        var request = HTTPClientRequest(url: provider.baseURL + path)
        request.method = .POST
        request.headers.add(name: "content-type", value: "application/json")
        request.headers.add(name: "accept", value: "application/json, text/event-stream")
        switch provider.format {
        case .openai:
            if let key = provider.apiKey { request.headers.add(name: "authorization", value: "Bearer \(key)") }
        case .anthropic:
            if let key = provider.apiKey { request.headers.add(name: "x-api-key", value: key) }
            request.headers.add(name: "anthropic-version", value: "2023-06-01")
        }
        request.body = .bytes(body)
        let nanoseconds =
            headTimeout.components.seconds * 1_000_000_000 + headTimeout.components.attoseconds / 1_000_000_000
        return try await http.execute(request, deadline: .now() + .nanoseconds(nanoseconds), logger: logger)
    }

    public func shutdown() async throws {
        try await http.shutdown()
    }
}
