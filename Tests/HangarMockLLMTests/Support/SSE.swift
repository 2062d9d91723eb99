import Foundation
import HangarCore

/// One Server-Sent Events frame: its event name, if any, and its data.
struct SSEFrame: Equatable {
    var event: String?
    var data: String

    func json() throws -> JSONValue { try JSONValue.parse(data) }

    /// The frames of an SSE body; a trailing partial frame (a cut stream) is left out.
    static func parse(_ text: String) -> [SSEFrame] {
        var frames: [SSEFrame] = []
        var blocks = text.components(separatedBy: "\n\n")
        blocks.removeLast()
        for block in blocks where !block.isEmpty {
            var frame = SSEFrame(event: nil, data: "")
            for line in block.split(separator: "\n") {
                if line.hasPrefix("event: ") { frame.event = String(line.dropFirst(7)) }
                if line.hasPrefix("data: ") { frame.data += String(line.dropFirst(6)) }
            }
            frames.append(frame)
        }
        return frames
    }
}
