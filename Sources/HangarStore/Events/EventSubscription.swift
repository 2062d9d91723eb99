/// Follows the log after a sequence number: replays what is stored, then waits for appends and reads on.
/// Each step reads `seq > cursor` in order and moves the cursor to the last event handed out, so the
/// hand-over from replay to live can neither skip nor repeat an event. Pull-based: nothing is read ahead
/// of what the consumer takes beyond one page.
public struct EventSubscription: AsyncSequence, Sendable {
    public typealias Element = Event

    let storage: any HangarStorage
    let after: Int64
    let stream: String?
    let pollMilliseconds: Int64

    public func makeAsyncIterator() -> Iterator {
        Iterator(storage: storage, cursor: after, stream: stream, pollMilliseconds: pollMilliseconds)
    }

    public struct Iterator: AsyncIteratorProtocol {
        let storage: any HangarStorage
        var cursor: Int64
        let stream: String?
        let pollMilliseconds: Int64
        var buffer: [Event] = []
        var index = 0

        public mutating func next() async throws -> Event? {
            while index >= buffer.count {
                try Task.checkCancellation()
                let page = try await storage.read(EventQuery(after: cursor, stream: stream, limit: 500))
                if page.isEmpty {
                    // With a stream filter the cursor stays put while other streams grow, so wait past the head
                    // that was seen rather than past the cursor.
                    let head = stream == nil ? cursor : Swift.max(cursor, try await storage.head())
                    try await storage.waitForAppend(after: head, timeoutMilliseconds: pollMilliseconds)
                    continue
                }
                buffer = page
                index = 0
            }
            let event = buffer[index]
            index += 1
            cursor = event.seq
            return event
        }
    }
}
