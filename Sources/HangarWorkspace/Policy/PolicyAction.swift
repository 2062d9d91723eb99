/// What an exec policy says about a command, from the most lenient to the strictest.
public enum PolicyAction: String, Sendable, Codable, CaseIterable {
    /// Run the command.
    case allow
    /// Checkpoint the workspace first, so the command's effects can be rolled back, then run it.
    case allowWithCheckpoint = "allow_with_checkpoint"
    /// Do not run the command.
    case deny
    /// Run the command only once a human has approved this exact command (see ``CommandFingerprint``).
    case requireApproval = "require_approval"

    /// Decodes an action, naming the allowed values when the string is not one of them.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let raw = try container.decode(String.self)
        guard let action = Self(rawValue: raw) else {
            let allowed = Self.allCases.map(\.rawValue).joined(separator: ", ")
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "unknown action \(PolicyText.quoted(raw)); expected one of \(allowed)"
            )
        }
        self = action
    }

    /// How strict the action is: `allow` < `allow_with_checkpoint` < `require_approval` < `deny`.
    var strictness: Int {
        switch self {
        case .allow: 0
        case .allowWithCheckpoint: 1
        case .requireApproval: 2
        case .deny: 3
        }
    }

    /// The stricter of two actions; `self` on a tie.
    func strictest(_ other: PolicyAction) -> PolicyAction {
        other.strictness > strictness ? other : self
    }
}
