import HangarCore

extension HangarError.Code {
    /// The client closed the connection while the mock was answering it.
    static let mockClientClosed = Self("client_closed", family: .unavailable)
    /// The mock began a graceful shutdown while answering.
    static let mockServerStopping = Self("server_stopping", family: .unavailable)
    /// The script cut a stream (`cut_after_tokens`).
    static let mockStreamCut = Self("stream_cut", family: .unavailable)
}
