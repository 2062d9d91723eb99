import HangarCore
import Hummingbird

/// `POST /v1/embeddings`, OpenAI's Embeddings API, with deterministic vectors (see ``EmbeddingFormat``).
/// A rule's `usage.prompt_tokens` overrides the computed prompt tokens; its reply text is not used.
struct EmbeddingsRoute: Sendable {
    let flow: EndpointFlow
    let dimensions: Int

    func register(on router: Router<MockRequestContext>) {
        router.post("/v1/embeddings") { request, context in
            try await flow.respond(to: request, context: context, dialect: .openAI, parse: EmbeddingsRequest.init) {
                await reply($0)
            }
        }
    }

    private func reply(_ matched: MatchedCall<EmbeddingsRequest>) async -> Response {
        let call = matched.call
        let data = call.inputs.enumerated().map { index, input in
            EmbeddingFormat.item(
                EmbeddingFormat.vector(for: input, dimensions: call.dimensions ?? dimensions), index: index,
                base64: call.base64)
        }
        let prompt = ResolvedUsage(matched.rule.usage, promptBytes: call.promptBytes, tokens: 0).prompt
        await flow.recorder.finish(seq: matched.seq, outcome: .completed)
        return MockResponse.json([
            "object": "list", "data": .array(data), "model": .string(call.model),
            "usage": ["prompt_tokens": .int(Int64(prompt)), "total_tokens": .int(Int64(prompt))],
        ])
    }
}
