import Foundation
import HangarCore
import HangarMockLLM
import HangarTesting
import Testing

@Suite("Mock scripts: YAML or JSON, strictly read")
struct ScriptParsingTests {
    static let full = """
        models: [gpt-mock, claude-mock]
        embedding_dimensions: 16
        rules:
          - model: flaky
            contains: "weather"
            times: 1
            error: {status: 429, message: "slow down", retry_after: 1, type: rate_limit_error}
          - model: slow
            delay_ms: 30000
          - model: garbage
            garbage: true
          - model: gpt-mock
            reply:
              content: "It is sunny in Paris."
              tool_calls: [{id: call_1, name: get_weather, arguments: {city: Paris, days: 2}}]
            usage: {prompt_tokens: 12, completion_tokens: 7, cached_tokens: 3}
            tokens_per_second: 50
            first_token_delay_ms: 10
            cut_after_tokens: 5
        """

    @Test func readsEveryField() throws {
        let script = try MockScript.parse(Self.full)
        #expect(script.models == ["gpt-mock", "claude-mock"])
        #expect(script.listedModels == ["gpt-mock", "claude-mock"])
        #expect(script.embeddingDimensions == 16)
        #expect(script.rules.count == 4)
        #expect(
            script.rules[0]
                == MockRule(
                    model: "flaky", contains: "weather", times: 1,
                    answer: .error(
                        MockErrorReply(status: 429, message: "slow down", type: "rate_limit_error", retryAfter: 1))))
        #expect(script.rules[1] == MockRule(model: "slow", delay: .milliseconds(30_000)))
        #expect(script.rules[1].answer == .reply(.default))
        #expect(script.rules[2] == MockRule(model: "garbage", answer: .garbage))
        let reply = MockReply(
            content: "It is sunny in Paris.",
            toolCalls: [MockToolCall(id: "call_1", name: "get_weather", arguments: #"{"city":"Paris","days":2}"#)])
        #expect(
            script.rules[3]
                == MockRule(
                    model: "gpt-mock", answer: .reply(reply),
                    usage: MockUsage(promptTokens: 12, completionTokens: 7, cachedTokens: 3), tokensPerSecond: 50,
                    firstTokenDelay: .milliseconds(10), cutAfterTokens: 5))
    }

    @Test func jsonIsYAMLAndDefaultsApply() throws {
        let script = try MockScript.parse(
            #"{"rules": [{"model": "b"}, {"model": "a", "error": {"status": 503}}, {"model": "b"}, {"contains": "x"}]}"#
        )
        #expect(script.models == nil)
        #expect(script.listedModels == ["b", "a", "mock"])
        #expect(script.embeddingDimensions == 8)
        #expect(
            script.rules[1].answer == .error(MockErrorReply(status: 503, message: "mock error 503", type: "api_error")))
        #expect(script.rules[3] == MockRule(contains: "x"))
    }

    @Test func stringArgumentsAreSentVerbatim() throws {
        let script = try MockScript.parse(
            """
            rules:
              - reply: {tool_calls: [{name: broken, arguments: '{"city": '}]}
            """)
        #expect(
            script.rules[0].answer
                == .reply(MockReply(content: nil, toolCalls: [.init(name: "broken", arguments: #"{"city": "#)])))
    }

    @Test(
        "bad scripts are config_invalid with a message naming the place",
        arguments: [
            (
                "rulez: []",
                "invalid mock script: unknown key 'rulez' in $ (known keys: embedding_dimensions, models, rules)"
            ),
            (
                "rules: [{model: a, colour: red}]",
                "invalid mock script: unknown key 'colour' in $.rules[0] (known keys: contains, cut_after_tokens, "
                    + "delay_ms, error, first_token_delay_ms, garbage, model, reply, times, tokens_per_second, usage)"
            ),
            (
                "rules: [{error: {status: '429'}}]",
                "invalid mock script: $.rules[0].error.status must be an integer from 400 to 599, not a string"
            ),
            (
                "rules: [{error: {status: 200}}]",
                "invalid mock script: $.rules[0].error.status must be an integer from 400 to 599, not 200"
            ),
            ("rules: [{error: {message: x}}]", "invalid mock script: $.rules[0].error: 'status' is required"),
            (
                "rules: [{garbage: true, reply: {content: x}}]",
                "invalid mock script: $.rules[0]: a rule answers with one of 'reply', 'error' or 'garbage'"
            ),
            (
                "rules: [{error: {status: 500}, cut_after_tokens: 2}]",
                "invalid mock script: $.rules[0]: 'cut_after_tokens' applies only to a reply, not to 'error'"
            ),
            (
                "rules: [{reply: {}}]",
                "invalid mock script: $.rules[0].reply: a reply needs 'content', 'tool_calls' or both"
            ),
            (
                "rules: [{reply: {tool_calls: [{arguments: {}}]}}]",
                "invalid mock script: $.rules[0].reply.tool_calls[0]: 'name' is required"
            ),
            (
                "rules: [{reply: {tool_calls: [{name: f, arguments: 3}]}}]",
                "invalid mock script: $.rules[0].reply.tool_calls[0].arguments must be a mapping or a string, not 3"
            ),
            (
                "rules: [{times: 0}]",
                "invalid mock script: $.rules[0].times must be an integer from 1 to 2147483647, not 0"
            ),
            (
                "rules: [{tokens_per_second: fast}]",
                "invalid mock script: $.rules[0].tokens_per_second must be a number from 0.0 to 1000000.0, not a string"
            ),
            ("rules: {model: a}", "invalid mock script: $.rules must be a list, not a mapping"),
            ("models: [a, 3]", "invalid mock script: $.models[1] must be a model name"),
            (
                "embedding_dimensions: 0",
                "invalid mock script: $.embedding_dimensions must be an integer from 1 to 4096, not 0"
            ),
            ("- a\n- b", "invalid mock script: $ must be a mapping, not a list"),
            ("", "invalid mock script: the script is empty"),
            ("rules: [model: a", "invalid mock script: not valid YAML or JSON"),
            ("{rules: [], rules: []}", "invalid mock script: not valid YAML or JSON"),
        ])
    func badScripts(text: String, message: String) async throws {
        let error = await expectError(.configInvalid) { try MockScript.parse(text) }
        #expect(error?.message == message)
    }

    @Test func loadReadsAFileAndRefusesAMissingOne() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("mock-\(ULID()).yaml").path
        try Data(Self.full.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try MockScript.load(path: path) == MockScript.parse(Self.full))
        let error = await expectError(.configInvalid) { try MockScript.load(path: path + ".missing") }
        #expect(error?.message == "cannot read the mock script '\(path).missing'")
    }
}
