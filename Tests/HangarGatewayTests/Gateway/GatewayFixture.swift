import HangarCore
import HangarGateway
import HangarMockLLM
import HangarStore
import HangarTesting
import Logging
import Testing

/// A gateway over a real store of either kind, routed to a live mock LLM on loopback.
struct GatewayFixture {
    let gateway: Gateway
    let mock: MockHandle
    let storage: any HangarStorage

    /// `config` gets the mock's `/v1` URL and returns the gateway configuration (YAML).
    static func with(
        _ kind: StorageKind, mock script: String, config: (String) -> String,
        _ body: (GatewayFixture) async throws -> Void
    ) async throws {
        let script = try MockScript.parse(script)
        try await StorageHarness.withStorage(kind) { storage in
            try await MockLLMServer.withRunning(script: script) { mock in
                let gateway = Gateway(
                    config: try GatewayConfig.parse(config(mock.baseURL + "/v1")), storage: storage,
                    logger: Logger(label: "test.gateway"))
                do {
                    try await body(GatewayFixture(gateway: gateway, mock: mock, storage: storage))
                    await gateway.flush()
                    try await gateway.shutdown()
                } catch {
                    await gateway.flush()
                    try? await gateway.shutdown()
                    throw error
                }
            }
        }
    }

    /// A chat call as an OpenAI client would send it.
    static func chat(model: String, maxTokens: Int64? = nil, stream: Bool = false, text: String = "Hello")
        throws -> ChatRequest
    {
        var body: [String: JSONValue] = [
            "model": .string(model), "messages": [["role": "user", "content": .string(text)]],
        ]
        if let maxTokens { body["max_tokens"] = .int(maxTokens) }
        if stream { body["stream"] = true }
        let value = JSONValue.object(body)
        return try ChatRequest(format: .openai, body: value, byteCount: value.canonicalData().count)
    }

    func key(_ spec: KeySpec) async throws -> VirtualKey {
        try await gateway.keys.create(spec).key
    }

    /// The `llm.called` events written so far (after a flush).
    func calls() async throws -> [Event] {
        await gateway.flush()
        return try await storage.read(EventQuery(after: 0, limit: 10_000)).filter { $0.kind == "llm.called" }
    }
}
