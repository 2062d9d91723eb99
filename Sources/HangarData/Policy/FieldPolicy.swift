/// What the policy file says about one field (column) of a model.
public struct FieldPolicy: Sendable, Hashable {
    /// How the field is shown, or that it is explicitly denied.
    public enum Access: Sendable, Hashable {
        case allow
        /// Named in the policy, and hidden all the same: the same as not naming it.
        case deny
        case mask(MaskPattern)
        /// HMAC-SHA256 of the value with the server's key.
        case hash
    }

    public var access: Access
    public var filterable: Bool
    public var sortable: Bool
    public var aggregatable: Bool
    /// Whether writes may set the field (where the model allows writes and the field is not `read_only`).
    public var writable: Bool

    /// The flags default by access: an allowed field is filterable, sortable and writable but not aggregatable;
    /// masked, hashed and denied fields are none of these: an agent that sees `***-**-1234` does not get to
    /// overwrite the number unless the policy says so.
    public init(
        access: Access, filterable: Bool? = nil, sortable: Bool? = nil, aggregatable: Bool? = nil,
        writable: Bool? = nil
    ) {
        self.access = access
        self.filterable = filterable ?? (access == .allow)
        self.sortable = sortable ?? (access == .allow)
        self.aggregatable = aggregatable ?? false
        self.writable = writable ?? (access == .allow)
    }

    /// The access as ``ExposedField`` carries it; nil for a denied field.
    public var exposedAccess: FieldAccess? {
        switch access {
        case .allow: .allow
        case .deny: nil
        case .mask(let pattern): .mask(pattern: pattern.pattern)
        case .hash: .hash
        }
    }
}
