import HTTPTypes

extension HTTPField.Name {
    /// The header an SSE client sends on reconnection with the id of the last event it received.
    static let lastEventID = HTTPField.Name("Last-Event-ID")!
    /// The run a gateway call belongs to (set by the orchestrator for the engines it starts).
    static let hangarRun = HTTPField.Name("x-hangar-run")!
    /// Anthropic's key header.
    static let xAPIKey = HTTPField.Name("x-api-key")!
}
