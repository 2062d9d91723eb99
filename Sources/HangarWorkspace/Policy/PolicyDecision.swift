/// What an ``ExecPolicy`` decided for a ``PolicyRequest``, and why.
public struct PolicyDecision: Sendable, Codable, Equatable {
    /// What to do with the command.
    public var action: PolicyAction
    /// The id of the rule that decided, `network.<mode>` when the policy's network table decided, or `nil`
    /// when no rule matched and the policy's default applied.
    public var rule: String?
    /// Why, in words safe to show to the user and the agent.
    public var reason: String

    public init(action: PolicyAction, rule: String?, reason: String) {
        self.action = action
        self.rule = rule
        self.reason = reason
    }
}
