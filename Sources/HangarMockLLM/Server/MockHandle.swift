/// A mock server running for the length of ``MockLLMServer/withRunning(script:host:logger:_:)``'s body.
public struct MockHandle: Sendable {
    public let host: String
    public let port: Int
    public let recorder: MockRecorder

    /// `http://HOST:PORT`, an IPv6 host in brackets.
    public var baseURL: String {
        let host = host.contains(":") ? "[\(host)]" : host
        return "http://\(host):\(port)"
    }
}
