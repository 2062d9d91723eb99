import HangarCore
import HangarGateway
import HangarMockLLM
import HangarStore
import HangarTesting
import Testing

/// The optional exact-match response cache: a hit is answered without the upstream, costs nothing and says so.
@Suite("Gateway response cache")
struct CacheTests {
    static let config: @Sendable (String) -> String = { url in
        """
        providers:
          mock: {base_url: "\(url)", format: openai}
        models:
          cached:
            deployments: [{provider: mock, model: gpt-mock}]
            price: {input: 1000000, output: 1000000}
            cache_ttl_seconds: 60
        """
    }
    static let script = """
        rules:
          - reply: {content: "cached answer"}
            usage: {prompt_tokens: 10, completion_tokens: 3}
        """

    @Test("a repeated request is a free cache hit; another request is not", arguments: [StorageKind.sqlite])
    func repeatedRequestsHitTheCache(kind: StorageKind) async throws {
        try await GatewayFixture.with(kind, mock: Self.script, config: Self.config) { fixture in
            let key = try await fixture.key(KeySpec(name: "cache", budget: try KeySpec.dollars("1.00")))
            let context = { CallContext(key: key, clientFormat: .openai) }
            let first = try await fixture.gateway.complete(try GatewayFixture.chat(model: "cached"), context: context())
            let second = try await fixture.gateway.complete(
                try GatewayFixture.chat(model: "cached"), context: context())
            let other = try await fixture.gateway.complete(
                try GatewayFixture.chat(model: "cached", text: "Something else"), context: context())
            let headers = [first, second, other].map { Dictionary($0.headers, uniquingKeysWith: { $1 }) }
            #expect(headers.map { $0["x-hangar-cache"] } == ["miss", "hit", "miss"])
            #expect(headers.map { $0["x-hangar-cost"] } == ["13", "0", "13"])
            #expect(second.body == first.body)
            #expect(await fixture.mock.recorder.requests().count == 2)
            let outcomes = try await fixture.calls().compactMap { $0.payload["outcome"]?.stringValue }
            #expect(outcomes == ["ok", "cache_hit", "ok"])
            let account = try #require(try await fixture.storage.budget(key.budgetAccount(at: 0)))
            #expect(account.spent == 26)
            #expect(account.reserved == 0)
        }
    }
}
