import HangarCore
import HangarGateway
import Testing

/// Rebuilds a message from Anthropic stream events the way an Anthropic client does, checking on the way the
/// rules a client relies on: `message_start` first, blocks opened in index order, deltas only to the open block,
/// every block closed, `message_stop` last, and each event named after its `type`.
struct AnthropicStreamAssembler {
    private var message: [String: JSONValue] = [:]
    private var blocks: [[String: JSONValue]] = []
    private var partialJSON: [String] = []
    private var openIndex: Int?
    private(set) var sawStop = false

    init(_ events: [SSEMessage]) throws {
        for event in events { try feed(event) }
    }

    private mutating func feed(_ event: SSEMessage) throws {
        #expect(!sawStop, "an event after message_stop")
        let data = try #require(try JSONValue.parse(event.data).objectValue)
        let type = try #require(data["type"]?.stringValue)
        #expect(event.event == type)
        if type != "message_start" { #expect(!message.isEmpty, "\(type) before message_start") }
        switch type {
        case "message_start":
            message = try #require(data["message"]?.objectValue)
        case "content_block_start":
            #expect(openIndex == nil, "a block opened while another is open")
            #expect(data["index"]?.intValue == Int64(blocks.count))
            blocks.append(try #require(data["content_block"]?.objectValue))
            partialJSON.append("")
            openIndex = blocks.count - 1
        case "content_block_delta":
            let index = try #require(openIndex)
            #expect(data["index"]?.intValue == Int64(index))
            let delta = try #require(data["delta"])
            switch delta["type"]?.stringValue {
            case "text_delta":
                blocks[index]["text"] = .string(
                    (blocks[index]["text"]?.stringValue ?? "") + (delta["text"]?.stringValue ?? ""))
            case "input_json_delta": partialJSON[index] += delta["partial_json"]?.stringValue ?? ""
            default: Issue.record("unexpected delta \(delta)")
            }
        case "content_block_stop":
            #expect(data["index"]?.intValue == openIndex.map(Int64.init))
            openIndex = nil
        case "message_delta":
            for (key, value) in data["delta"]?.objectValue ?? [:] { message[key] = value }
            message["usage"] = data["usage"]
        case "message_stop":
            #expect(openIndex == nil, "message_stop with a block open")
            sawStop = true
        default:
            Issue.record("unexpected event \(type)")
        }
    }

    /// The message in the shape `WireTranslation.anthropicResponse(fromOpenAI:)` gives.
    var result: JSONValue {
        get throws {
            var content: [JSONValue] = []
            for (index, block) in blocks.enumerated() {
                var block = block
                if block["type"] == "tool_use" {
                    block["input"] = partialJSON[index].isEmpty ? [:] : try JSONValue.parse(partialJSON[index])
                }
                content.append(.object(block))
            }
            var result = message
            result["content"] = .array(content)
            return .object(result)
        }
    }
}
