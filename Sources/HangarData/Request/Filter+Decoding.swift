public import HangarCore

extension Filter {
    /// Decodes and resolves a filter (shape documented on ``Filter``) against `model`. The budgets are checked
    /// first, iteratively, on the raw JSON; then fields resolve by exact bytes (`unknown_field`), must be
    /// filterable (`field_not_filterable`), and values must match the column type (`invalid_arguments`).
    public init(json: JSONValue, model: ExposedModel) throws {
        try FilterBudget.check(json, budgets: model.budgets)
        self = try Self.decodeNode(json, model: model)
    }

    private static func decodeNode(_ json: JSONValue, model: ExposedModel) throws -> Filter {
        guard case .object(let object) = json, object.count == 1, let (key, value) = object.first else {
            throw HangarError(.invalidArguments, "a filter node is an object with exactly one key")
        }
        let isAnd = key.isBytewise("and")
        if isAnd || key.isBytewise("or") {
            guard case .array(let items) = value, !items.isEmpty else {
                throw HangarError(.invalidArguments, "'and'/'or' take a non-empty array of filters")
            }
            let children = try items.map { try decodeNode($0, model: model) }
            return isAnd ? .and(children) : .or(children)
        }
        if key.isBytewise("not") {
            return .not(try decodeNode(value, model: model))
        }
        return .condition(try decodeCondition(fieldName: key, value, model: model))
    }

    private static func decodeCondition(fieldName: String, _ json: JSONValue, model: ExposedModel) throws
        -> FilterCondition
    {
        let field = try model.exposedField(named: fieldName)
        guard field.filterable else {
            throw HangarError(.fieldNotFilterable, "field '\(field.name)' of model '\(model.name)' is not filterable")
        }
        guard case .object(let object) = json, object.count == 1, let (name, operand) = object.first else {
            throw HangarError(
                .invalidArguments, "a condition on '\(field.name)' is an object with exactly one operator")
        }
        guard let op = FilterOperator(exactly: name) else {
            throw HangarError(.invalidArguments, "unknown filter operator '\(HangarError.echoed(name))'")
        }
        return FilterCondition(
            field: field, op: op, operand: try decodeOperand(op, operand, field: field, model: model))
    }

    private static func decodeOperand(
        _ op: FilterOperator, _ json: JSONValue, field: ExposedField, model: ExposedModel
    ) throws -> FilterCondition.Operand {
        switch op {
        case .eq, .ne, .lt, .lte, .gt, .gte:
            return .value(try DataValue(json: json, for: field))
        case .in, .notIn:
            guard case .array(let items) = json, !items.isEmpty else {
                throw HangarError(.invalidArguments, "'\(op.rawValue)' takes a non-empty array")
            }
            guard items.count <= model.budgets.maxInListSize else {
                throw HangarError(.queryTooComplex, "the '\(op.rawValue)' list has too many items")
            }
            var values: [DataValue] = []
            values.reserveCapacity(items.count)
            for item in items { values.append(try DataValue(json: item, for: field)) }
            return .list(values)
        case .isNull:
            guard case .bool(let value) = json else {
                throw HangarError(.invalidArguments, "'is_null' takes true or false")
            }
            return .isNull(value)
        case .contains, .startsWith, .endsWith:
            guard field.type == .text, case .string(let text) = json else {
                throw HangarError(.invalidArguments, "'\(op.rawValue)' takes a string and a text field")
            }
            return .text(text)
        case .between:
            guard case .array(let bounds) = json, bounds.count == 2 else {
                throw HangarError(.invalidArguments, "'between' takes an array of two values")
            }
            return .range(try DataValue(json: bounds[0], for: field), try DataValue(json: bounds[1], for: field))
        }
    }
}
