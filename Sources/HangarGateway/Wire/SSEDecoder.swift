/// Splits a byte stream into ``SSEMessage``s as chunks arrive, whatever the chunk boundaries.
///
/// Written by hand: the one listed SSE package (mattt/EventSource 1.1.1) parses through an actor, one `await`
/// per byte, which is far too slow for a proxy that forwards every token.
public struct SSEDecoder: Sendable {
    private var pending: [UInt8] = []
    private var event: String?
    private var data: [String] = []

    public init() {}

    /// Feeds bytes; returns the events completed by them.
    public mutating func feed(_ bytes: some Sequence<UInt8>) -> [SSEMessage] {
        pending.append(contentsOf: bytes)
        var messages: [SSEMessage] = []
        var lineStart = 0
        var index = 0
        while index < pending.count {
            let byte = pending[index]
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                let line = pending[lineStart..<index]
                // `\r\n` is one line break.
                if byte == UInt8(ascii: "\r") {
                    if index + 1 == pending.count { break }  // wait: the `\n` may come in the next chunk
                    if pending[index + 1] == UInt8(ascii: "\n") { index += 1 }
                }
                if let message = take(line: line) { messages.append(message) }
                lineStart = index + 1
            }
            index += 1
        }
        pending.removeFirst(lineStart)
        return messages
    }

    /// Ends the stream: an event without its closing blank line is still delivered.
    public mutating func finish() -> [SSEMessage] {
        var messages: [SSEMessage] = []
        if !pending.isEmpty {
            let line = pending[...]
            pending.removeAll()
            if let message = take(line: line) { messages.append(message) }
        }
        if let message = take(line: []) { messages.append(message) }
        return messages
    }

    private mutating func take(line: ArraySlice<UInt8>) -> SSEMessage? {
        if line.isEmpty {
            defer {
                event = nil
                data.removeAll()
            }
            guard !data.isEmpty else { return nil }
            return SSEMessage(event: event, data: data.joined(separator: "\n"))
        }
        if line.first == UInt8(ascii: ":") { return nil }  // a comment (heartbeat)
        let colon = line.firstIndex(of: UInt8(ascii: ":")) ?? line.endIndex
        let field = String(decoding: line[line.startIndex..<colon], as: UTF8.self)
        var valueStart = colon < line.endIndex ? colon + 1 : colon
        if valueStart < line.endIndex, line[valueStart] == UInt8(ascii: " ") { valueStart += 1 }
        let value = String(decoding: line[valueStart..<line.endIndex], as: UTF8.self)
        switch field {
        case "event": event = value
        case "data": data.append(value)
        default: break  // id and retry mean nothing to a model stream
        }
        return nil
    }
}
