import HangarCore

extension DataCompiler {
    /// Compiles `db.get`: `SELECT <all exposed fields> FROM "t" WHERE <scope> AND "pk" = ? LIMIT 1`. Another
    /// tenant's row and a missing one both yield no row.
    public func compile(_ request: GetRequest, model: ExposedModel, principal: Principal) throws -> CompiledRead {
        let fields = model.orderedFields
        var builder = SQLBuilder(dialect: dialect)
        builder.append("SELECT ")
        builder.appendIdentifiers(fields.lazy.map(\.name))
        builder.append(" FROM ")
        builder.appendIdentifier(model.name)
        try builder.appendScope(model: model, principal: principal)
        builder.appendPrimaryKey(model, equals: request.id)
        builder.append(" LIMIT 1")
        return CompiledRead(statement: builder.statement, fields: fields, maxRows: 1)
    }

    /// Compiles `db.aggregate`: `SELECT <groups>, OP("f") FROM "t" WHERE <scope> AND (<filter>)
    /// GROUP BY <groups> ORDER BY <groups> LIMIT ?` (`COUNT(*)` for `count` without a field; no `GROUP BY`,
    /// `ORDER BY` or `LIMIT` without groups). The limit asks for one group more than `maxRows`.
    public func compile(_ request: AggregateRequest, model: ExposedModel, principal: Principal) throws
        -> CompiledRead
    {
        var builder = SQLBuilder(dialect: dialect)
        builder.append("SELECT ")
        for field in request.groupBy {
            builder.appendIdentifier(field.name)
            builder.append(", ")
        }
        switch request.op {
        case .count: builder.append("COUNT(")
        case .sum: builder.append("SUM(")
        case .avg: builder.append("AVG(")
        case .min: builder.append("MIN(")
        case .max: builder.append("MAX(")
        }
        if let field = request.field { builder.appendIdentifier(field.name) } else { builder.append("*") }
        builder.append(") FROM ")
        builder.appendIdentifier(model.name)
        try builder.appendScope(model: model, principal: principal)
        builder.appendRootFilter(request.filter)
        guard !request.groupBy.isEmpty else {
            return CompiledRead(statement: builder.statement, fields: [], maxRows: 1)
        }
        builder.append(" GROUP BY ")
        builder.appendIdentifiers(request.groupBy.lazy.map(\.name))
        builder.append(" ORDER BY ")
        for (index, field) in request.groupBy.enumerated() {
            if index > 0 { builder.append(", ") }
            builder.appendIdentifier(field.name)
            builder.append(" ASC")
        }
        builder.append(" LIMIT ")
        builder.appendBind(.integer(Int64(model.budgets.maxRows) + 1))
        return CompiledRead(statement: builder.statement, fields: request.groupBy, maxRows: model.budgets.maxRows)
    }
}
