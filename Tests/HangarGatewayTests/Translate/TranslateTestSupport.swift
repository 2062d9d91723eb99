import HangarCore
import HangarGateway
import Testing

/// Parses a JSON literal written in a test.
func json(_ text: String) throws -> JSONValue {
    try JSONValue.parse(text)
}

/// Runs `body` and checks that it throws a `HangarError` with exactly this code and message.
func expectHangarError(
    _ code: HangarError.Code, _ message: String, sourceLocation: SourceLocation = #_sourceLocation,
    _ body: () throws -> Any
) {
    do {
        _ = try body()
        Issue.record("expected \(code): \(message)", sourceLocation: sourceLocation)
    } catch let error as HangarError {
        #expect(error.code == code, sourceLocation: sourceLocation)
        #expect(error.message == message, sourceLocation: sourceLocation)
    } catch {
        Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
    }
}

/// An Anthropic stream event, named after its `type` as Anthropic sends it.
func anthropicEvent(_ text: String) throws -> SSEMessage {
    let data = try json(text)
    return SSEMessage(event: data["type"]?.stringValue, data: data.canonicalString())
}

/// An OpenAI stream chunk (unnamed `data:` event).
func openAIChunk(_ text: String) throws -> SSEMessage {
    SSEMessage(data: try json(text).canonicalString())
}

/// Feeds every event through a translator and collects what it emits, `finish()` included.
func translateAll(_ events: [SSEMessage], with stream: inout AnthropicToOpenAIStream) throws -> [SSEMessage] {
    var out: [SSEMessage] = []
    for event in events { out += try stream.translate(event) }
    return out + stream.finish()
}

func translateAll(_ events: [SSEMessage], with stream: inout OpenAIToAnthropicStream) throws -> [SSEMessage] {
    var out: [SSEMessage] = []
    for event in events { out += try stream.translate(event) }
    return out + stream.finish()
}

/// The parent of every translation suite, so `swift test --filter Translate` runs them all.
@Suite("Wire translation")
enum TranslateTests {}
