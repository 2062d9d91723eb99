import HangarCore
import Hummingbird
public import Logging

extension MockLLMServer {
    /// Starts a mock on `host` and a free port, runs `body` with its handle once it is listening, then stops it
    /// and returns `body`'s value. For tests.
    ///
    /// The server is stopped by cancellation, so open streams end at once; Hummingbird logs that as "Waiting on
    /// child channel: CancellationError()" at error level, which is why the default logger discards everything.
    public static func withRunning<T>(
        script: MockScript, host: String = "127.0.0.1",
        logger: Logger = Logger(label: "hangar.mock-llm", factory: { _ in SwiftLogNoOpLogHandler() }),
        _ body: (MockHandle) async throws -> T
    ) async throws -> T {
        let server = MockLLMServer(script: script, host: host, port: 0, logger: logger)
        let (ports, portSink) = AsyncStream<Int>.makeStream()
        let app = server.makeApplication { portSink.yield($0) }
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                defer { portSink.finish() }
                try await app.run()
            }
            guard let port = await ports.first(where: { _ in true }) else {
                // The server stopped before listening: its error says why.
                try await group.next()
                throw HangarError(.unavailable, "the mock LLM did not start listening on \(host)")
            }
            do {
                let value = try await body(MockHandle(host: host, port: port, recorder: server.recorder))
                group.cancelAll()
                return value
            } catch {
                group.cancelAll()
                throw error
            }
        }
    }
}
