/// A range of the log to read: events after `after` (exclusive), optionally of one stream.
public struct EventQuery: Sendable, Hashable {
    public var after: Int64
    public var stream: String?
    public var limit: Int

    public init(after: Int64 = 0, stream: String? = nil, limit: Int = 500) {
        self.after = after
        self.stream = stream
        self.limit = limit
    }

    /// Largest page a single read returns.
    public static let maxLimit = 10_000
}
