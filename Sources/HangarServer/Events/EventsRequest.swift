import Foundation
import HangarCore
import HangarStore
import Hummingbird

/// The parameters of `GET /v1/events`, checked: `after` (a seq ≥ 0, default 0; the `Last-Event-ID` header
/// wins over it), `stream` (1…200 bytes) and `limit` (1…10000, default 100). Anything else is
/// `invalid_request`.
struct EventsRequest: Sendable, Equatable {
    static let defaultLimit = 100
    static let parameters: Set<String> = ["after", "stream", "limit"]

    var after: Int64
    var stream: String?
    var limit: Int
    /// Whether the client asked for `text/event-stream`.
    var streaming: Bool

    init(after: Int64 = 0, stream: String? = nil, limit: Int = Self.defaultLimit, streaming: Bool = false) {
        self.after = after
        self.stream = stream
        self.limit = limit
        self.streaming = streaming
    }

    init(request: Request) throws {
        let query = request.uri.queryParameters
        for (name, _) in query where !Self.parameters.contains(String(name)) {
            throw HangarError(.invalidRequest, "unknown query parameter '\(name)'")
        }
        for name in Self.parameters where query[values: Substring(name)].count > 1 {
            throw HangarError(.invalidRequest, "query parameter '\(name)' is given more than once")
        }
        after = try query["after"].map { try Self.sequenceNumber(String($0), name: "after") } ?? 0
        if let stream = query["stream"].map(String.init) {
            guard !stream.isEmpty, stream.utf8.count <= EventDraft.maxNameLength else {
                throw HangarError(.invalidRequest, "stream must be 1 to \(EventDraft.maxNameLength) bytes long")
            }
            self.stream = stream
        }
        if let text = query["limit"] {
            guard let limit = Int(text), (1...EventQuery.maxLimit).contains(limit) else {
                throw HangarError(.invalidRequest, "limit must be an integer from 1 to \(EventQuery.maxLimit)")
            }
            self.limit = limit
        } else {
            limit = Self.defaultLimit
        }
        streaming = request.headers[values: .accept].contains { $0.lowercased().contains("text/event-stream") }
        if let lastEventID = request.headers[.lastEventID] {
            after = try Self.sequenceNumber(lastEventID.trimmingCharacters(in: .whitespaces), name: "Last-Event-ID")
        }
    }

    private static func sequenceNumber(_ text: String, name: String) throws -> Int64 {
        guard let value = Int64(text), value >= 0, text.allSatisfy(\.isASCIIDigit) else {
            throw HangarError(.invalidRequest, "\(name) must be a sequence number (an integer ≥ 0)")
        }
        return value
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
