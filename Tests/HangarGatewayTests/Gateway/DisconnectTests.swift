import HangarCore
import HangarGateway
import HangarMockLLM
import HangarStore
import HangarTesting
import NIOCore
import Testing

/// A client that goes away mid-stream: the upstream request is cancelled at once and what was produced is
/// billed.
@Suite("Gateway disconnects")
struct DisconnectTests {
    struct ClientGone: Error {}

    static let script = """
        rules:
          - model: long
            reply: {content: "\(Array(repeating: "token", count: 200).joined(separator: " "))"}
            tokens_per_second: 10
        """

    static let config: @Sendable (String) -> String = { url in
        """
        providers:
          mock: {base_url: "\(url)", format: openai}
        models:
          long:
            deployments: [{provider: mock, model: long}]
            price: {input: 1000000, output: 2000000}
        """
    }

    @Test(
        "a client gone 2 s into a 20 s stream: upstream closed within 1 s, partial usage billed",
        arguments: StorageKind.allCases)
    func disconnectCancelsUpstream(kind: StorageKind) async throws {
        try await GatewayFixture.with(kind, mock: Self.script, config: Self.config) { fixture in
            let key = try await fixture.key(KeySpec(name: "stream", budget: try KeySpec.dollars("1.00")))
            let stream = try await fixture.gateway.openStream(
                try GatewayFixture.chat(model: "long", maxTokens: 400, stream: true),
                context: CallContext(key: key, clientFormat: .openai))
            let started = ContinuousClock.now
            var received = 0
            var chunks = 0
            var goneAt: Int64 = 0
            // The server's response writer throws once the client's socket is closed; this one does so at 2 s
            // (and after at least 10 chunks, so a starved test machine still bills a stream that got going).
            await stream.pump { buffer in
                received += buffer.readableBytes
                chunks += 1
                if ContinuousClock.now - started >= .seconds(2), chunks > 10 {
                    goneAt = HangarClock.system.nowMilliseconds()
                    throw ClientGone()
                }
            }
            #expect(received > 0)
            // The mock notices its client (the gateway) closing the connection.
            var record = await fixture.mock.recorder.requests().first
            for _ in 0..<40 where record?.outcome != .clientClosed {
                try await Task.sleep(for: .milliseconds(50))
                record = await fixture.mock.recorder.requests().first
            }
            #expect(record?.outcome == .clientClosed)
            let closedAfter = (record?.finishedMilliseconds ?? .max) - goneAt
            #expect(
                closedAfter < 1_000, "the upstream saw its connection closed \(closedAfter) ms after the client left")
            #expect((record?.tokensSent ?? 200) < 200)

            let event = try #require(try await fixture.calls().last)
            #expect(event.payload["outcome"] == "client_closed")
            let output = event.payload["output_tokens"]?.intValue ?? 0
            #expect(output >= 10 && output < 200)
            #expect(event.payload["usage_estimated"] == true)
            let account = try #require(try await fixture.storage.budget(key.budgetAccount(at: 0)))
            #expect(account.spent > 0)
            #expect(account.spent == event.payload["charged_units"]?.intValue)
            #expect(account.reserved == 0)
        }
    }
}
