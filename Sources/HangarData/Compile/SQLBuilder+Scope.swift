import HangarCore

extension SQLBuilder {
    /// The row scope, ANDed at the root of every statement that reads or changes existing rows: the tenant
    /// column equals the principal's tenant, the owner column the principal's id, and the soft-delete column is
    /// `NULL`.
    mutating func appendScope(model: ExposedModel, principal: Principal) throws {
        if let tenant = model.tenantColumn {
            guard let value = principal.tenant else {
                throw HangarError(.rowScopeViolation, "the principal has no tenant for model '\(model.name)'")
            }
            beginPredicate()
            appendIdentifier(tenant)
            append(" = ")
            appendBind(.text(value))
        }
        if let owner = model.ownerColumn {
            beginPredicate()
            appendIdentifier(owner)
            append(" = ")
            appendBind(.text(principal.id))
        }
        if let deleted = model.softDeleteColumn {
            beginPredicate()
            appendIdentifier(deleted)
            append(" IS NULL")
        }
    }

    /// `AND (<filter>)` after the scope.
    mutating func appendRootFilter(_ filter: Filter?) {
        guard let filter else { return }
        beginPredicate()
        append("(")
        appendFilter(filter)
        append(")")
    }

    /// `"pk" = ?`.
    mutating func appendPrimaryKey(_ model: ExposedModel, equals id: DataValue) {
        beginPredicate()
        appendIdentifier(model.primaryKey)
        append(" = ")
        appendBind(id)
    }
}
