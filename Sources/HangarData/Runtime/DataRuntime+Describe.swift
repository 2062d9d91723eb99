public import HangarCore

extension DataRuntime {
    /// `db.describe`: the models, fields, relations, writes and budgets `principal` may use, and the filter
    /// operators. Hidden models and fields are absent, as if they did not exist.
    public func describe(for principal: Principal) -> JSONValue {
        let canWrite = principal.holds(DataScope.write)
        return [
            "principal": ["id": .string(principal.id), "tenant": principal.tenant.map(JSONValue.string) ?? .null],
            "models": .array(visibleModels(for: principal).map { Self.describe($0, canWrite: canWrite) }),
            "operators": .array(FilterOperator.allCases.map { .string($0.rawValue) }),
        ]
    }

    private static func describe(_ model: ExposedModel, canWrite: Bool) -> JSONValue {
        let fields: [JSONValue] = model.orderedFields.map { field in
            [
                "name": .string(field.name),
                "type": .string(field.type.rawValue),
                "nullable": .bool(field.nullable),
                "access": .string(field.access.name),
                "filterable": .bool(field.filterable),
                "sortable": .bool(field.sortable),
                "aggregatable": .bool(field.aggregatable),
                "writable": .bool(field.writable && !model.writes.readOnlyFields.contains(field.name)),
            ]
        }
        let relations: [JSONValue] = model.relations.sorted { $0.key < $1.key }.map { name, relation in
            ["name": .string(name), "model": .string(relation.model), "many": .bool(relation.many)]
        }
        let operations = canWrite ? model.writes.operations.map(\.rawValue).sorted() : []
        return [
            "name": .string(model.name),
            "primary_key": model.fields[model.primaryKey] == nil ? .null : .string(model.primaryKey),
            "fields": .array(fields),
            "relations": .array(relations),
            "writes": [
                "operations": .array(operations.map(JSONValue.string)),
                "read_only_fields": .array(model.writes.readOnlyFields.sorted().map(JSONValue.string)),
                "max_affected_rows": .int(Int64(model.writes.maxAffectedRows)),
                "require_reason": .bool(model.writes.requireReason),
                "require_approval": .bool(model.writes.requireApproval),
            ],
            "budgets": [
                "max_rows": .int(Int64(model.budgets.maxRows)),
                "max_selected_fields": .int(Int64(model.budgets.maxSelectedFields)),
                "max_filter_nodes": .int(Int64(model.budgets.maxFilterNodes)),
                "max_filter_depth": .int(Int64(model.budgets.maxFilterDepth)),
                "max_in_list_size": .int(Int64(model.budgets.maxInListSize)),
                "statement_timeout_ms": .int(Int64(model.budgets.statementTimeoutMilliseconds)),
                "calls_per_minute": .int(Int64(model.budgets.callsPerMinute)),
            ],
        ]
    }
}

extension FieldAccess {
    /// `allow`, `mask` or `hash`: how the field's values come back.
    public var name: String {
        switch self {
        case .allow: "allow"
        case .mask: "mask"
        case .hash: "hash"
        }
    }
}
