import Foundation
import HangarStore

/// The wire form of Server-Sent Events: an event of the log becomes `id: <seq>`, `event: <kind>`,
/// `data: <event as one line of JSON>`; a comment line keeps an idle connection alive.
enum ServerSentEvent {
    static func message(for event: Event) throws -> String {
        let data = try JSONEncoder.hangar.encode(event)
        // JSON from JSONEncoder has no raw line breaks; a kind could, and would split the frame.
        let kind = event.kind.filter { $0 != "\n" && $0 != "\r" }
        return "id: \(event.seq)\nevent: \(kind)\ndata: \(String(decoding: data, as: UTF8.self))\n\n"
    }

    static func comment(_ text: String) -> String {
        ": \(text)\n\n"
    }
}
