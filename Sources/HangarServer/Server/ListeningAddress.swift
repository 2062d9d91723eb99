/// Where the server listens once it is bound (with the real port when port 0 was asked for).
public struct ListeningAddress: Sendable, Hashable, CustomStringConvertible {
    public var host: String
    public var port: Int

    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// `http://HOST:PORT`, an IPv6 host in brackets.
    public var url: String {
        let host = host.contains(":") ? "[\(host)]" : host
        return "http://\(host):\(port)"
    }

    public var description: String { url }
}
