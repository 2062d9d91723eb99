/// The columns that scope a model's rows to the principal. They are never exposed as fields, are ANDed at the
/// root of every statement, and are immutable in writes.
public struct RowScope: Sendable, Hashable {
    /// Rows belong to the principal's tenant: `tenant_field = principal.tenant`.
    public var tenantField: String?
    /// Rows belong to the principal: `owner_field = principal.id`.
    public var ownerField: String?
    /// Rows with a non-null value here are deleted and never returned.
    public var softDeleteField: String?

    public init(tenantField: String? = nil, ownerField: String? = nil, softDeleteField: String? = nil) {
        self.tenantField = tenantField
        self.ownerField = ownerField
        self.softDeleteField = softDeleteField
    }

    /// The scope columns that are set, with what the policy calls them.
    public var columns: [(role: String, column: String)] {
        [("tenant_field", tenantField), ("owner_field", ownerField), ("soft_delete_field", softDeleteField)]
            .compactMap { role, column in column.map { (role, $0) } }
    }
}
