/// The outcome of appending one draft: the event as stored, and whether it was written now or already
/// stored under the same idempotency key.
public struct AppendedEvent: Sendable, Hashable {
    public var event: Event
    /// `true` when the idempotency key was already used by an identical event, so nothing was written.
    public var replayed: Bool

    public init(event: Event, replayed: Bool) {
        self.event = event
        self.replayed = replayed
    }

    public var seq: Int64 { event.seq }
}
