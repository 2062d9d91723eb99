import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// What the mock's disconnect handling rests on, checked against Hummingbird itself: once the peer has closed
/// the connection, a `ResponseBody` writer's next `write` throws. Detection by writes alone therefore lags by a
/// write interval (and never happens while nothing is written), which is why the mock also watches the
/// connection's inbound side (see `ConnectionWatch`).
@Suite("Hummingbird's response body writer after the peer closed", .timeLimit(.minutes(1)))
struct ResponseWriterTests {
    @Test func writeThrowsSoonAfterThePeerCloses() async throws {
        let (failures, failureSink) = AsyncStream<(writes: Int, at: ContinuousClock.Instant)>.makeStream()
        let router = Router()
        router.get("/stream") { _, _ in
            Response(
                status: .ok,
                body: ResponseBody { writer in
                    var writes = 0
                    do {
                        for _ in 0..<2_000 {
                            try await writer.write(ByteBuffer(string: "data: tick\n\n"))
                            writes += 1
                            try await Task.sleep(for: .milliseconds(20))
                        }
                        try await writer.finish(nil)
                    } catch {
                        failureSink.yield((writes, .now))
                        throw error
                    }
                })
        }
        try await Application(router: router).test(.live) { client in
            let connection = try RawConnection(port: try #require(client.port))
            try connection.send("GET /stream HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            try await connection.read { String(decoding: $0, as: UTF8.self).contains("data: tick") }
            // Close right after a whole chunk, with nothing unread: a FIN, not a reset.
            let before = connection.received.count
            try await connection.read { $0.count > before && $0.suffix(4).elementsEqual("\n\n\r\n".utf8) }
            connection.close()
            let closed = ContinuousClock.now
            let failure = try #require(await failures.first { _ in true })
            let latency = failure.at - closed
            print("hummingbird: write threw \(latency) after the peer closed, after \(failure.writes) writes")
            #expect(latency < .milliseconds(500))
        }
    }
}
