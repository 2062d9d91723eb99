public import HangarCore

/// `db.aggregate`, decoded and resolved against one model.
///
/// JSON shape: `{"model": "orders", "op": "sum", "field": "total", "where": {…}, "group_by": ["status"]}`.
/// `op` is `count`, `sum`, `avg`, `min` or `max`; `field` is required except for `count` (which then counts
/// rows). The aggregated field and every `group_by` field must be `aggregatable`; `sum` and `avg` need an
/// integer or real field. At most `maxSelectedFields` group fields.
public struct AggregateRequest: Sendable, Hashable {
    public enum Operation: String, Sendable, Hashable, CaseIterable {
        case count, sum, avg, min, max
    }

    public var model: String
    public var op: Operation
    public var field: ExposedField?
    public var filter: Filter?
    public var groupBy: [ExposedField]

    public init(arguments: JSONValue, model: ExposedModel) throws {
        let arguments = try ArgumentObject(arguments, allowed: ["model", "op", "field", "where", "group_by"])
        try arguments.checkModel(model)
        self.model = model.name
        guard case .string(let name)? = arguments["op"], let op = Operation(rawValue: name),
            op.rawValue.isBytewise(name)
        else {
            throw HangarError(.invalidArguments, "'op' must be one of count, sum, avg, min, max")
        }
        self.op = op
        if let json = arguments["field"] {
            guard case .string(let name) = json else {
                throw HangarError(.invalidArguments, "'field' must be a field name")
            }
            let field = try Self.aggregatable(name, model: model)
            if op == .sum || op == .avg, field.type != .integer, field.type != .real {
                throw HangarError(.invalidArguments, "'\(op.rawValue)' needs an integer or real field")
            }
            self.field = field
        } else {
            guard op == .count else { throw HangarError(.invalidArguments, "'\(op.rawValue)' needs a 'field'") }
            self.field = nil
        }
        self.filter = try arguments.filter(model: model, required: false)
        self.groupBy = try Self.groups(arguments["group_by"], model: model)
    }

    static func aggregatable(_ name: String, model: ExposedModel) throws -> ExposedField {
        let field = try model.exposedField(named: name)
        guard field.aggregatable else {
            throw HangarError(
                .fieldNotAggregatable, "field '\(field.name)' of model '\(model.name)' is not aggregatable")
        }
        return field
    }

    static func groups(_ json: JSONValue?, model: ExposedModel) throws -> [ExposedField] {
        guard let json else { return [] }
        guard case .array(let names) = json else {
            throw HangarError(.invalidArguments, "'group_by' must be an array of field names")
        }
        guard names.count <= model.budgets.maxSelectedFields else {
            throw HangarError(.queryTooComplex, "group by at most \(model.budgets.maxSelectedFields) fields")
        }
        var fields: [ExposedField] = []
        for name in names {
            guard case .string(let name) = name else {
                throw HangarError(.invalidArguments, "'group_by' must be an array of field names")
            }
            let field = try aggregatable(name, model: model)
            guard !fields.contains(where: { $0.name.isBytewise(field.name) }) else {
                throw HangarError(.invalidArguments, "field '\(field.name)' is grouped by twice")
            }
            fields.append(field)
        }
        return fields
    }
}
