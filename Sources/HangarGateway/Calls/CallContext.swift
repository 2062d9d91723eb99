import HangarCore

/// Who is calling and on whose behalf: the key (nil when the gateway runs without keys), the run the call
/// belongs to (the orchestrator's `x-hangar-run`), and the dialect the client speaks.
public struct CallContext: Sendable {
    public var key: VirtualKey?
    public var run: String?
    public var clientFormat: WireFormat
    public var callID: String
    /// When the gateway received the call, for the latency and overhead figures.
    public var started: ContinuousClock.Instant

    public init(key: VirtualKey?, run: String? = nil, clientFormat: WireFormat) {
        self.key = key
        self.run = run
        self.clientFormat = clientFormat
        self.callID = "call_" + ULID().description
        self.started = .now
    }
}
