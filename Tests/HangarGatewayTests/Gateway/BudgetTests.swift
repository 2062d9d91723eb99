import HangarCore
import HangarGateway
import HangarStore
import HangarTesting
import Testing

/// Reserve-then-commit on the ledger: concurrent calls never spend past a key's budget, and every limit of a
/// key refuses on its own.
@Suite("Gateway budgets and limits")
struct BudgetTests {
    /// $4 per million output tokens, 1,000 tokens a call: $0.004 reserved and spent per call.
    static let config: @Sendable (String) -> String = { url in
        """
        providers:
          mock: {base_url: "\(url)", format: openai}
        models:
          priced:
            deployments: [{provider: mock, model: gpt-mock}]
            price: {input: 0, output: 4000000}
        """
    }
    static let script = """
        rules:
          - model: gpt-mock
            reply: {content: "priced answer"}
            usage: {prompt_tokens: 10, completion_tokens: 1000}
        """

    @Test("20 concurrent calls on a $0.01 budget at $0.004 a call: at most 2 succeed", arguments: StorageKind.allCases)
    func concurrentCallsNeverOverspend(kind: StorageKind) async throws {
        try await GatewayFixture.with(kind, mock: Self.script, config: Self.config) { fixture in
            let key = try await fixture.key(KeySpec(name: "race", budget: try KeySpec.dollars("0.01")))
            let request = try GatewayFixture.chat(model: "priced", maxTokens: 1000)
            let outcomes = try await withThrowingTaskGroup(of: String.self) { group in
                for _ in 0..<20 {
                    group.addTask {
                        do {
                            let reply = try await fixture.gateway.complete(
                                request, context: CallContext(key: key, clientFormat: .openai))
                            return reply.status == 200 ? "ok" : "status \(reply.status)"
                        } catch let error as HangarError {
                            return error.code.rawValue
                        }
                    }
                }
                return try await group.reduce(into: [String]()) { $0.append($1) }
            }
            let succeeded = outcomes.filter { $0 == "ok" }.count
            #expect(succeeded <= 2)
            #expect(succeeded == 2, "the budget fits exactly two calls")
            #expect(outcomes.filter { $0 == "insufficient_quota" }.count == 20 - succeeded)
            let calls = try await fixture.calls()
            #expect(calls.count == 20)
            let account = try #require(try await fixture.storage.budget(key.budgetAccount(at: 0)))
            #expect(account.spent <= 10_000)
            #expect(account.spent == Int64(succeeded) * 4_000)
            #expect(account.reserved == 0)
        }
    }

    @Test("a key at 90% of its cost budget but over its token limit is refused", arguments: StorageKind.allCases)
    func tokenLimitRefusesWhateverTheBudget(kind: StorageKind) async throws {
        try await GatewayFixture.with(kind, mock: Self.script, config: Self.config) { fixture in
            let key = try await fixture.key(
                KeySpec(name: "tokens", budget: try KeySpec.dollars("1.00"), tokensPerMinute: 1_500))
            // 90 % of the budget spent already.
            try await fixture.gateway.ensureBudget(for: key)
            let account = key.budgetAccount(at: 0)
            let spent = try await fixture.storage.reserve(900_000, from: account)
            try await fixture.storage.commit(spent, actual: 900_000)

            // The first call fits every limit: $0.004 of the $0.10 left, ~1,010 of 1,500 tokens.
            let first = try await fixture.gateway.complete(
                try GatewayFixture.chat(model: "priced", maxTokens: 1000),
                context: CallContext(key: key, clientFormat: .openai))
            #expect(first.status == 200)
            // The second would still fit the budget, but not the tokens left this minute.
            let error = await expectError(.gatewayRateLimited) {
                _ = try await fixture.gateway.complete(
                    try GatewayFixture.chat(model: "priced", maxTokens: 1000),
                    context: CallContext(key: key, clientFormat: .openai))
            }
            #expect(error?.details["limits"] == ["tokens"])
            #expect(error?.details["x-ratelimit-limit-tokens"] == "1500")
            #expect((error?.details["retry_after_seconds"]?.intValue ?? 0) >= 1)
            await fixture.gateway.flush()
            let after = try #require(try await fixture.storage.budget(account))
            #expect(after.spent == 904_000)
            #expect(after.reserved == 0)
            let outcomes = try await fixture.calls().compactMap { $0.payload["outcome"]?.stringValue }
            #expect(outcomes == ["ok", "error"])
        }
    }
}
