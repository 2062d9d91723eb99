import HTTPTypes

extension HTTPField.Name {
    /// The header an SSE client sends on reconnection with the id of the last event it received.
    static let lastEventID = HTTPField.Name("Last-Event-ID")!
}
