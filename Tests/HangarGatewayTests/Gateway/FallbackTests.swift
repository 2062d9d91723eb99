import HangarCore
import HangarGateway
import HangarMockLLM
import HangarStore
import HangarTesting
import Testing

/// Routing around failing deployments: a 500, a timeout, and a 429 whose `Retry-After` is waited out.
@Suite("Gateway fallback")
struct FallbackTests {
    static let script = """
        rules:
          - model: broken
            error: {status: 500, message: "internal failure at http://10.0.0.9/secret"}
          - model: slow
            delay_ms: 30000
          - model: flaky
            times: 1
            error: {status: 429, message: "slow down", retry_after: 1}
          - model: flaky
            reply: {content: "served by the fallback"}
            usage: {prompt_tokens: 5, completion_tokens: 4}
        """

    static let config: @Sendable (String) -> String = { url in
        """
        require_key: false
        providers:
          mock: {base_url: "\(url)", format: openai}
        models:
          chain:
            deployments:
              - {provider: mock, model: broken}
              - {provider: mock, model: slow, timeout_ms: 300}
            retries: 1
            fallbacks: [backup]
          backup:
            deployments: [{provider: mock, model: flaky}]
            retries: 2
        """
    }

    @Test("a chain survives a 500 and a timeout, and waits out Retry-After", arguments: StorageKind.allCases)
    func survivesFailures(kind: StorageKind) async throws {
        try await GatewayFixture.with(kind, mock: Self.script, config: Self.config) { fixture in
            let started = ContinuousClock.now
            let reply = try await fixture.gateway.complete(
                try GatewayFixture.chat(model: "chain"), context: CallContext(key: nil, clientFormat: .openai))
            let took = ContinuousClock.now - started
            #expect(reply.status == 200)
            let headers = Dictionary(reply.headers, uniquingKeysWith: { $1 })
            #expect(headers["x-hangar-deployment"] == "mock/flaky")
            #expect(headers["x-hangar-attempts"] == "4")
            #expect(took >= .seconds(1), "the 429's Retry-After: 1 was waited out")

            let flaky = await fixture.mock.recorder.requests().filter { $0.model == "flaky" }
            #expect(flaky.count == 2)
            if flaky.count == 2 {
                #expect(flaky[1].startedMilliseconds - flaky[0].startedMilliseconds >= 1_000)
            }
            let event = try #require(try await fixture.calls().last)
            let outcomes = event.payload["attempts"]?.arrayValue?.compactMap { $0["outcome"]?.stringValue }
            // The weighted strategy tries `broken` and `slow` in either order.
            #expect(Set(outcomes?.prefix(2) ?? []) == ["upstream_unavailable", "upstream_timeout"])
            #expect(outcomes?.dropFirst(2) == ["upstream_unavailable", "ok"])
            #expect(event.payload["outcome"] == "ok")
        }
    }

    @Test("when every deployment fails the error names no upstream URL", arguments: [StorageKind.sqlite])
    func exhaustedChainIsA502WithoutURLs(kind: StorageKind) async throws {
        let config = { (url: String) in
            """
            require_key: false
            providers:
              mock: {base_url: "\(url)", format: openai}
            models:
              doomed:
                deployments: [{provider: mock, model: broken}]
                retries: 1
            resilience: {base_backoff_ms: 10, max_backoff_ms: 20}
            """
        }
        try await GatewayFixture.with(kind, mock: Self.script, config: config) { fixture in
            let error = await expectError(.upstreamUnavailable) {
                try await fixture.gateway.complete(
                    try GatewayFixture.chat(model: "doomed"), context: CallContext(key: nil, clientFormat: .openai))
            }
            let message = error?.message ?? ""
            #expect(!message.contains(fixture.mock.baseURL) && !message.contains("127.0.0.1"))
            #expect(GatewayErrorRendering(try #require(error)).status == 502)
            let event = try #require(try await fixture.calls().last)
            #expect(event.payload["error"]?["code"] == "upstream_unavailable")
            #expect(event.payload["attempts"]?.arrayValue?.count == 2)
        }
    }
}
