import HangarCore
import HangarMockLLM
import Testing

@Suite("Rules: errors, times, delays, garbage, and the record of requests", .timeLimit(.minutes(1)))
struct RuleTests {
    static let script = """
        rules:
          - model: flaky
            times: 1
            error: {status: 429, message: "slow down", retry_after: 1, type: rate_limit_error, code: rate_limit_exceeded}
          - model: flaky
            reply: {content: "recovered"}
          - model: slow
            delay_ms: 300
            reply: {content: "late"}
          - model: garbage
            garbage: true
        """

    @Test func injectedRateLimitThenTimesRunOut() async throws {
        try await MockClient.with(Self.script) { client in
            let first = try await client.post("/v1/chat/completions", MockClient.chat("flaky"))
            #expect(first.status == 429)
            #expect(first.headers["retry-after"] == "1")
            #expect(
                try first.json() == [
                    "error": [
                        "message": "slow down", "type": "rate_limit_error", "param": nil, "code": "rate_limit_exceeded",
                    ]
                ])
            let second = try await client.post("/v1/chat/completions", MockClient.chat("flaky"))
            #expect(second.status == 200)
            #expect(try second.json()["choices"]?[0]?["message"]?["content"] == "recovered")
            let records = await client.handle.recorder.requests()
            #expect(records.map(\.rule) == [0, 1])
            #expect(records.map(\.outcome) == [.error, .completed])
        }
    }

    @Test func delayHoldsTheResponseHeaders() async throws {
        try await MockClient.with(Self.script) { client in
            let started = ContinuousClock.now
            let response = try await client.post("/v1/chat/completions", MockClient.chat("slow"))
            #expect(ContinuousClock.now - started >= .milliseconds(300))
            #expect(response.status == 200)
            let record = try #require(await client.handle.recorder.requests().first)
            #expect(try #require(record.finishedMilliseconds) - record.startedMilliseconds >= 300)
        }
    }

    @Test func garbageIsA200ThatIsNotJSON() async throws {
        try await MockClient.with(Self.script) { client in
            let response = try await client.post("/v1/chat/completions", MockClient.chat("garbage"))
            #expect(response.status == 200)
            #expect(throws: HangarError.self) { try response.json() }
        }
    }

    @Test func mockRequestsShowsWhatTheMockSawWithoutCredentials() async throws {
        try await MockClient.with(Self.script) { client in
            _ = try await client.post(
                "/v1/chat/completions", MockClient.chat("flaky"), headers: ["Authorization": "Bearer sk-secret"])
            _ = try await client.post(
                "/v1/messages", MockClient.messages("flaky"), headers: ["x-api-key": "sk-ant-secret"])
            _ = try await client.post("/v1/chat/completions", MockClient.chat("nobody", stream: true))
            let response = try await client.send("GET", "/_mock/requests")
            #expect(!response.text.contains("secret"))
            let requests = try #require(try response.json()["requests"]?.arrayValue)
            #expect(requests.count == 3)
            let first = requests[0]
            #expect(
                first.objectValue?.keys.sorted() == [
                    "authorized", "finished_ms", "model", "outcome", "path", "rule", "seq", "started_ms", "stream",
                    "tokens_sent",
                ])
            #expect(requests.map { $0["seq"] } == [1, 2, 3])
            #expect(requests.map { $0["path"] } == ["/v1/chat/completions", "/v1/messages", "/v1/chat/completions"])
            #expect(requests.map { $0["authorized"] } == [true, true, false])
            #expect(requests.map { $0["rule"] } == [0, 1, .null])
            #expect(requests.map { $0["stream"] } == [false, false, true])
            #expect(requests.map { $0["outcome"] } == ["error", "completed", "error"])
            #expect(requests[1]["tokens_sent"] == 1)
            #expect(requests.allSatisfy { ($0["finished_ms"]?.intValue ?? 0) >= ($0["started_ms"]?.intValue ?? 1) })

            let cleared = try await client.send("DELETE", "/_mock/requests")
            #expect(cleared.status == 200)
            #expect(try await client.send("GET", "/_mock/requests").json() == ["requests": []])
            _ = try await client.post("/v1/chat/completions", MockClient.chat("flaky"))
            #expect(await client.handle.recorder.requests().map(\.seq) == [4])
        }
    }
}
