import HangarCore

extension DataCompiler {
    /// Compiles `db.create`: `INSERT INTO "t" (<tenant>, <owner>, <data fields>) VALUES (?, …) RETURNING "pk"`.
    /// The tenant and owner values come from the principal.
    public func compile(_ request: CreateRequest, model: ExposedModel, principal: Principal) throws
        -> CompiledWrite
    {
        var builder = SQLBuilder(dialect: dialect)
        builder.append("INSERT INTO ")
        builder.appendIdentifier(model.name)
        builder.append(" (")
        var values: [DataValue] = []
        var columns: [String] = []
        if let tenant = model.tenantColumn {
            guard let value = principal.tenant else {
                throw HangarError(.rowScopeViolation, "the principal has no tenant for model '\(model.name)'")
            }
            columns.append(tenant)
            values.append(.text(value))
        }
        if let owner = model.ownerColumn {
            columns.append(owner)
            values.append(.text(principal.id))
        }
        for (field, value) in request.data {
            columns.append(field.name)
            values.append(value)
        }
        builder.appendIdentifiers(columns)
        builder.append(") VALUES (")
        for (index, value) in values.enumerated() {
            if index > 0 { builder.append(", ") }
            builder.appendBind(value)
        }
        builder.append(") RETURNING ")
        builder.appendIdentifier(model.primaryKey)
        return CompiledWrite(statement: builder.statement, count: nil, maxAffectedRows: 1)
    }

    /// Compiles `db.update`: `UPDATE "t" SET "f" = ?, … WHERE <scope> AND "pk" = ?`, and its count.
    public func compile(_ request: UpdateRequest, model: ExposedModel, principal: Principal) throws
        -> CompiledWrite
    {
        var builder = Self.updateHead(dialect: dialect, model: model, data: request.data)
        try builder.appendScope(model: model, principal: principal)
        builder.appendPrimaryKey(model, equals: request.id)
        return CompiledWrite(
            statement: builder.statement,
            count: try singleRowCount(model: model, principal: principal, id: request.id), maxAffectedRows: 1)
    }

    /// Compiles `db.delete`: `DELETE FROM "t" WHERE <scope> AND "pk" = ?`, or on a model with a soft-delete
    /// column `UPDATE "t" SET "deleted" = CURRENT_TIMESTAMP WHERE …`; and its count.
    public func compile(_ request: DeleteRequest, model: ExposedModel, principal: Principal) throws
        -> CompiledWrite
    {
        var builder = SQLBuilder(dialect: dialect)
        if let deleted = model.softDeleteColumn {
            builder.append("UPDATE ")
            builder.appendIdentifier(model.name)
            builder.append(" SET ")
            builder.appendIdentifier(deleted)
            builder.append(" = CURRENT_TIMESTAMP")
        } else {
            builder.append("DELETE FROM ")
            builder.appendIdentifier(model.name)
        }
        try builder.appendScope(model: model, principal: principal)
        builder.appendPrimaryKey(model, equals: request.id)
        return CompiledWrite(
            statement: builder.statement,
            count: try singleRowCount(model: model, principal: principal, id: request.id), maxAffectedRows: 1)
    }

    /// Compiles `db.bulk_update`: `UPDATE "t" SET … WHERE <scope> AND (<filter>)`, and the
    /// `SELECT COUNT(*) FROM "t" WHERE <scope> AND (<filter>)` the runtime checks against `max_affected_rows`.
    public func compile(_ request: BulkUpdateRequest, model: ExposedModel, principal: Principal) throws
        -> CompiledWrite
    {
        var builder = Self.updateHead(dialect: dialect, model: model, data: request.data)
        try builder.appendScope(model: model, principal: principal)
        builder.appendRootFilter(request.filter)
        var count = Self.countHead(dialect: dialect, model: model)
        try count.appendScope(model: model, principal: principal)
        count.appendRootFilter(request.filter)
        return CompiledWrite(
            statement: builder.statement, count: count.statement, maxAffectedRows: model.writes.maxAffectedRows)
    }

    /// `SELECT COUNT(*) FROM "t" WHERE <scope> AND "pk" = ?`: what an update or delete of one row affects.
    private func singleRowCount(model: ExposedModel, principal: Principal, id: DataValue) throws
        -> CompiledStatement
    {
        var count = Self.countHead(dialect: dialect, model: model)
        try count.appendScope(model: model, principal: principal)
        count.appendPrimaryKey(model, equals: id)
        return count.statement
    }

    private static func updateHead(
        dialect: SQLDialect, model: ExposedModel, data: [(field: ExposedField, value: DataValue)]
    ) -> SQLBuilder {
        var builder = SQLBuilder(dialect: dialect)
        builder.append("UPDATE ")
        builder.appendIdentifier(model.name)
        builder.append(" SET ")
        for (index, entry) in data.enumerated() {
            if index > 0 { builder.append(", ") }
            builder.appendIdentifier(entry.field.name)
            builder.append(" = ")
            builder.appendBind(entry.value)
        }
        return builder
    }

    private static func countHead(dialect: SQLDialect, model: ExposedModel) -> SQLBuilder {
        var builder = SQLBuilder(dialect: dialect)
        builder.append("SELECT COUNT(*) FROM ")
        builder.appendIdentifier(model.name)
        return builder
    }
}
