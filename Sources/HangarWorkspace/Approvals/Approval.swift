/// A request for a human to approve one exact command. The token itself is never stored: `id` is its
/// SHA-256, so the log (which agents may read) cannot be used to approve or replay anything.
public struct Approval: Sendable, Codable, Equatable {
    public enum State: String, Sendable, Codable {
        case pending
        case approved
        case consumed
    }

    public var id: String
    public var workspace: String
    /// The ``CommandFingerprint`` of the command, workspace, directory, environment and network mode.
    public var fingerprint: String
    public var argv: [String]
    public var rule: String?
    public var reason: String
    public var state: State
    public var createdAt: Int64
    public var expiresAt: Int64
    public var approvedBy: String?

    enum CodingKeys: String, CodingKey {
        case id, workspace, fingerprint, argv, rule, reason, state
        case createdAt = "created_at"
        case expiresAt = "expires_at"
        case approvedBy = "approved_by"
    }
}
