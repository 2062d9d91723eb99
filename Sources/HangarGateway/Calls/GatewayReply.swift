public import NIOCore

/// A finished (non-streaming) answer: status, body and the headers the gateway adds.
public struct GatewayReply: Sendable {
    public var status: Int
    public var body: ByteBuffer
    public var headers: [(String, String)]

    public init(status: Int, body: ByteBuffer, headers: [(String, String)]) {
        self.status = status
        self.body = body
        self.headers = headers
    }
}
