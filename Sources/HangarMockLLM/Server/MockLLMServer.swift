import Foundation
import HangarCore
import Hummingbird
public import Logging
import NIOCore

/// The scriptable mock LLM: an OpenAI- and Anthropic-compatible HTTP server whose answers come from a
/// ``MockScript``, for the gateway's tests, demos and users' own offline agent tests.
///
/// Endpoints: `POST /v1/chat/completions`, `POST /v1/messages`, `POST /v1/embeddings`, `GET /v1/models`, and
/// `GET`/`DELETE /_mock/requests` (what the mock saw, from ``recorder``). Any `Authorization` or `x-api-key` is
/// accepted; only its presence is recorded.
public struct MockLLMServer: Sendable {
    public let script: MockScript
    public let host: String
    public let port: Int
    /// What the server saw; shared by every run of this value.
    public let recorder: MockRecorder
    private let logger: Logger

    public init(script: MockScript, host: String = "127.0.0.1", port: Int = 0, logger: Logger) {
        self.script = script
        self.host = host
        self.port = port
        self.recorder = MockRecorder()
        self.logger = logger
    }

    /// Serves until the task is cancelled or the process gets SIGTERM or SIGINT (then it drains: open streams and
    /// delays stop at once, and the call returns). `onListening` gets the bound port (the real one for port 0).
    /// A port that cannot be bound is `unavailable`.
    public func run(onListening: @escaping @Sendable (Int) async -> Void) async throws {
        let listening = ListeningFlag()
        let app = makeApplication { port in
            listening.set()
            await onListening(port)
        }
        do {
            try await app.runService()
        } catch {
            guard !listening.isSet else { throw error }
            throw HangarError(.unavailable, "cannot listen on \(host):\(port)", underlying: error)
        }
    }

    /// The Hummingbird application: the routes, and a ``ConnectionWatch`` in every connection's pipeline.
    func makeApplication(
        onListening: @escaping @Sendable (Int) async -> Void
    ) -> Application<RouterResponder<MockRequestContext>> {
        let router = Router(context: MockRequestContext.self)
        let flow = EndpointFlow(ruleBook: MockRuleBook(rules: script.rules), recorder: recorder)
        ChatCompletionsRoute(flow: flow).register(on: router)
        MessagesRoute(flow: flow).register(on: router)
        EmbeddingsRoute(flow: flow, dimensions: script.embeddingDimensions).register(on: router)
        AdminRoutes(models: script.listedModels, recorder: recorder, created: Int64(Date().timeIntervalSince1970))
            .register(on: router)
        let requestedPort = port
        let logger = logger
        return Application(
            router: router,
            server: .http1(configuration: .init(additionalChannelHandlers: [ConnectionWatch()])),
            configuration: ApplicationConfiguration(
                address: .hostname(host, port: requestedPort), serverName: "hangar-mock-llm"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? requestedPort
                logger.info("mock LLM listening", metadata: ["server.port": "\(port)"])
                await onListening(port)
            },
            logger: logger)
    }
}
