import HangarCore

extension DataRuntime {
    /// `db.query`: `{"rows": […], "next_cursor": "…" | null}`, each row with its `include`d relations.
    func query(_ arguments: JSONValue, model: ExposedModel, principal: Principal, record: inout DataCallRecord)
        async throws -> JSONValue
    {
        // A principal with a tenant sees every model; one without sees only the models without a tenant field.
        let visible = principal.tenant != nil ? models : models.filter { principal.sees($0.value) }
        let request = try QueryRequest(arguments: arguments, model: model, models: visible)
        let compiled = try compiler.compile(request, model: model, principal: principal)
        let rows = try await executor.read(
            compiled.statement, model: model, principal: principal, timeout: model.statementTimeout)
        let page = Array(rows.prefix(compiled.pageSize))
        var objects = try shaper.shape(page, fields: compiled.fields)
        if !compiled.includes.isEmpty {
            let executor = executor
            objects = try await IncludeResolver.resolve(
                compiled.includes, parentRows: page, parents: objects, shaper: shaper
            ) { statement, related in
                try await executor.read(
                    statement, model: related, principal: principal, timeout: related.statementTimeout)
            }
        }
        record.rows = objects.count
        var next = JSONValue.null
        if rows.count > compiled.pageSize, let last = page.last {
            next = .string(try compiler.nextCursor(after: compiled.sortKeyColumns.map { last[$0] }, for: compiled))
        }
        return ["rows": .array(objects.map(JSONValue.object)), "next_cursor": next]
    }

    /// `db.get`: `{"row": {…}}`. Another tenant's row and a missing one are the same `not_found`, byte for byte.
    func get(_ arguments: JSONValue, model: ExposedModel, principal: Principal, record: inout DataCallRecord)
        async throws -> JSONValue
    {
        let request = try GetRequest(arguments: arguments, model: model)
        let compiled = try compiler.compile(request, model: model, principal: principal)
        let rows = try await executor.read(
            compiled.statement, model: model, principal: principal, timeout: model.statementTimeout)
        guard let object = try shaper.shape(rows, fields: compiled.fields).first else {
            throw HangarError.rowNotFound(model)
        }
        record.rows = 1
        return ["row": .object(object)]
    }

    /// `db.aggregate`: `{"value": v}` without `group_by`, else `{"groups": [{"group": {…}, "value": v}, …]}`.
    /// `min` and `max` of a masked or hashed field come back masked or hashed, never raw.
    func aggregate(_ arguments: JSONValue, model: ExposedModel, principal: Principal, record: inout DataCallRecord)
        async throws -> JSONValue
    {
        let request = try AggregateRequest(arguments: arguments, model: model)
        let compiled = try compiler.compile(request, model: model, principal: principal)
        let rows = try await executor.read(
            compiled.statement, model: model, principal: principal, timeout: model.statementTimeout)
        guard rows.count <= compiled.maxRows else {
            throw HangarError(.tooManyRows, "more than \(compiled.maxRows) groups; narrow the filter or the grouping")
        }
        let groups = try shaper.shape(rows, fields: compiled.fields)
        let values = try rows.map { row in try aggregateValue(row.last ?? .null, request: request) }
        record.rows = rows.count
        guard !request.groupBy.isEmpty else { return ["value": values.first ?? .null] }
        return [
            "groups": .array(zip(groups, values).map { group, value in ["group": .object(group), "value": value] })
        ]
    }

    /// The aggregate as JSON: `count` an integer, `avg` a number, `sum` of an integer field an integer (both
    /// databases: PostgreSQL sums `bigint` as `numeric`), `min` and `max` shaped by the field's access.
    private func aggregateValue(_ value: DataValue, request: AggregateRequest) throws -> JSONValue {
        guard let field = request.field else { return ResultShaper.json(value, type: .integer) }
        switch request.op {
        case .count:
            return ResultShaper.json(value, type: .integer)
        case .avg:
            return ResultShaper.json(value, type: .real)
        case .sum:
            if field.type == .integer, case .real(let real) = value, let integer = Int64(exactly: real) {
                return .int(integer)
            }
            return ResultShaper.json(value, type: field.type)
        case .min, .max:
            return try shaper.shape([[value]], fields: [field])[0][field.name] ?? .null
        }
    }
}

extension HangarError {
    /// `not_found` for a row id: the same bytes whether the row is another tenant's, deleted, or missing.
    static func rowNotFound(_ model: ExposedModel) -> HangarError {
        HangarError(.notFound, "model '\(model.name)' has no row with this id")
    }
}
