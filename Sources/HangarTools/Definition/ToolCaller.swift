/// Who calls a tool: the actor written into the audit event, and the scopes the caller was granted.
public struct ToolCaller: Sendable, Hashable {
    /// A user, an agent, a worker id: what the `tool.called` event records as its actor.
    public var actor: String
    /// Granted scopes. ``allScopes`` (`*`) grants every scope.
    public var scopes: Set<String>

    public init(actor: String, scopes: Set<String>) {
        self.actor = actor
        self.scopes = scopes
    }

    /// The scope that stands for every scope.
    public static let allScopes = "*"

    public func holds(_ scope: String) -> Bool {
        scopes.contains(Self.allScopes) || scopes.contains(scope)
    }

    /// The operator of this machine (`hangar mcp` over stdio): every scope.
    public static func local(actor: String = "local") -> ToolCaller {
        ToolCaller(actor: actor, scopes: [allScopes])
    }
}
