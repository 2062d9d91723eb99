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
        builder.append(")")
        builder.appendReturningKey(model)
        return CompiledWrite(
            statement: builder.statement, before: nil, snapshotFields: model.orderedFields, maxAffectedRows: 1,
            snapshotsAfter: true)
    }

    /// Compiles `db.update`: `UPDATE "t" SET "f" = ?, … WHERE <scope> AND "pk" = ? RETURNING "pk"`, and its
    /// before-snapshot.
    public func compile(_ request: UpdateRequest, model: ExposedModel, principal: Principal) throws
        -> CompiledWrite
    {
        var builder = Self.updateHead(dialect: dialect, model: model, data: request.data)
        return try singleRow(&builder, id: request.id, model: model, principal: principal, snapshotsAfter: true)
    }

    /// Compiles `db.delete`: `DELETE FROM "t" WHERE <scope> AND "pk" = ? RETURNING "pk"`, or on a model with a
    /// soft-delete column `UPDATE "t" SET "deleted" = CURRENT_TIMESTAMP WHERE …`; and its before-snapshot.
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
        return try singleRow(&builder, id: request.id, model: model, principal: principal, snapshotsAfter: false)
    }

    /// The rest of a one-row write after its head: `WHERE <scope> AND "pk" = ? RETURNING "pk"`, with the
    /// before-snapshot of that row.
    private func singleRow(
        _ builder: inout SQLBuilder, id: DataValue, model: ExposedModel, principal: Principal, snapshotsAfter: Bool
    ) throws -> CompiledWrite {
        try builder.appendScope(model: model, principal: principal)
        builder.appendPrimaryKey(model, equals: id)
        builder.appendReturningKey(model)
        return CompiledWrite(
            statement: builder.statement,
            before: try snapshot(model: model, principal: principal, limit: 1) {
                $0.appendPrimaryKey(model, equals: id)
            },
            snapshotFields: model.orderedFields, maxAffectedRows: 1, snapshotsAfter: snapshotsAfter)
    }

    /// Compiles `db.bulk_update`: `UPDATE "t" SET … WHERE <scope> AND (<filter>) RETURNING "pk"`, and the
    /// before-snapshot the runtime checks against `max_affected_rows`.
    public func compile(_ request: BulkUpdateRequest, model: ExposedModel, principal: Principal) throws
        -> CompiledWrite
    {
        var builder = Self.updateHead(dialect: dialect, model: model, data: request.data)
        try builder.appendScope(model: model, principal: principal)
        builder.appendRootFilter(request.filter)
        builder.appendReturningKey(model)
        let limit = model.writes.maxAffectedRows
        return CompiledWrite(
            statement: builder.statement,
            before: try snapshot(model: model, principal: principal, limit: limit) {
                $0.appendRootFilter(request.filter)
            },
            snapshotFields: model.orderedFields, maxAffectedRows: limit, snapshotsAfter: true)
    }

    /// The after-image of a write: `SELECT "pk", <fields> FROM "t" WHERE "pk" IN (?, …) ORDER BY "pk"` for the
    /// keys the write returned (at most `max_affected_rows` of them). Nil when there are none.
    public func afterSnapshot(_ write: CompiledWrite, model: ExposedModel, keys: [DataValue]) -> CompiledStatement? {
        guard write.snapshotsAfter, !keys.isEmpty else { return nil }
        var builder = Self.snapshotHead(dialect: dialect, model: model, fields: write.snapshotFields)
        builder.beginPredicate()
        builder.appendIdentifier(model.primaryKey)
        builder.append(" IN (")
        for (index, key) in keys.enumerated() {
            if index > 0 { builder.append(", ") }
            builder.appendBind(key)
        }
        builder.append(") ORDER BY ")
        builder.appendIdentifier(model.primaryKey)
        return builder.statement
    }

    /// `SELECT "pk", <fields> FROM "t" WHERE <scope> AND <condition> ORDER BY "pk" LIMIT ?` asking for
    /// `limit + 1` rows, `FOR UPDATE` on PostgreSQL.
    private func snapshot(
        model: ExposedModel, principal: Principal, limit: Int, condition: (inout SQLBuilder) -> Void
    ) throws -> CompiledStatement {
        var builder = Self.snapshotHead(dialect: dialect, model: model, fields: model.orderedFields)
        try builder.appendScope(model: model, principal: principal)
        condition(&builder)
        builder.append(" ORDER BY ")
        builder.appendIdentifier(model.primaryKey)
        builder.append(" LIMIT ")
        builder.appendBind(.integer(Int64(limit) + 1))
        if dialect == .postgres { builder.append(" FOR UPDATE") }
        return builder.statement
    }

    private static func snapshotHead(dialect: SQLDialect, model: ExposedModel, fields: [ExposedField]) -> SQLBuilder {
        var builder = SQLBuilder(dialect: dialect)
        builder.append("SELECT ")
        builder.appendIdentifier(model.primaryKey)
        for field in fields {
            builder.append(", ")
            builder.appendIdentifier(field.name)
        }
        builder.append(" FROM ")
        builder.appendIdentifier(model.name)
        return builder
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
}

extension SQLBuilder {
    /// ` RETURNING "pk"`: the keys of the written rows, which the executor counts and snapshots.
    fileprivate mutating func appendReturningKey(_ model: ExposedModel) {
        append(" RETURNING ")
        appendIdentifier(model.primaryKey)
    }
}
