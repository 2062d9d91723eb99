import Foundation
import HangarCore
import Hummingbird

/// `POST /v1/chat/completions`, OpenAI's Chat Completions API.
struct ChatCompletionsRoute: Sendable {
    let flow: EndpointFlow

    func register(on router: Router<MockRequestContext>) {
        router.post("/v1/chat/completions") { request, context in
            try await flow.respond(to: request, context: context, dialect: .openAI, parse: ChatRequest.init) {
                try await reply($0)
            }
        }
    }

    private func reply(_ matched: MatchedCall<ChatRequest>) async throws -> Response {
        let tokens = ReplyTokens(matched.reply, idPrefix: "call_")
        let format = ChatCompletionFormat(
            id: "chatcmpl-" + MockID.suffix(), created: Int64(Date().timeIntervalSince1970),
            model: matched.call.model, reply: tokens,
            usage: ResolvedUsage(matched.rule.usage, promptBytes: matched.call.promptBytes, tokens: tokens.count))
        guard matched.call.stream else {
            await flow.recorder.finish(seq: matched.seq, outcome: .completed, tokensSent: tokens.count)
            return MockResponse.json(format.completion())
        }
        let writer = StreamWriter(
            plan: format.streamPlan(includeUsage: matched.call.includeUsage), rule: matched.rule,
            watch: matched.watch, recorder: flow.recorder, seq: matched.seq)
        return MockResponse.eventStream(writer.makeBody())
    }
}
