import HangarCore
import Hummingbird

/// `POST /v1/messages`, Anthropic's Messages API.
struct MessagesRoute: Sendable {
    let flow: EndpointFlow

    func register(on router: Router<MockRequestContext>) {
        router.post("/v1/messages") { request, context in
            try await flow.respond(to: request, context: context, dialect: .anthropic, parse: MessagesRequest.init) {
                try await reply($0)
            }
        }
    }

    private func reply(_ matched: MatchedCall<MessagesRequest>) async throws -> Response {
        let tokens = ReplyTokens(matched.reply, idPrefix: "toolu_")
        let format = AnthropicMessageFormat(
            id: "msg_" + MockID.suffix(), model: matched.call.model, reply: tokens,
            usage: ResolvedUsage(matched.rule.usage, promptBytes: matched.call.promptBytes, tokens: tokens.count))
        guard matched.call.stream else {
            await flow.recorder.finish(seq: matched.seq, outcome: .completed, tokensSent: tokens.count)
            return MockResponse.json(format.message())
        }
        let writer = StreamWriter(
            plan: format.streamPlan(), rule: matched.rule, watch: matched.watch, recorder: flow.recorder,
            seq: matched.seq)
        return MockResponse.eventStream(writer.makeBody())
    }
}
