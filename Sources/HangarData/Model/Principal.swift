/// Who a data tool call runs as. The server sets it (from authentication, or the CLI's flags); it never comes
/// from tool arguments.
public struct Principal: Sendable, Hashable, Codable {
    public var id: String
    /// The tenant whose rows the principal sees; nil only for models without a tenant field.
    public var tenant: String?
    public var scopes: Set<String>

    public init(id: String, tenant: String?, scopes: Set<String> = []) {
        self.id = id
        self.tenant = tenant
        self.scopes = scopes
    }
}
