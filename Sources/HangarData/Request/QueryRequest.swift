public import HangarCore

/// `db.query`, decoded and resolved against one model.
///
/// JSON shape:
/// ```json
/// {"model": "users", "select": ["id", "name"], "where": {"age": {"gte": 18}},
///  "order_by": [{"field": "name", "direction": "desc"}], "limit": 25, "cursor": "…",
///  "include": {"orders": {"select": ["id", "total"], "limit": 10}}}
/// ```
/// `select` defaults to every exposed field (by name); `where` is a ``Filter``; `direction` defaults to `asc`;
/// `limit` is an integer in `1...maxRows` and defaults to `maxRows`; `cursor` is the `next_cursor` of the
/// previous page of the same query; `include` adds related rows to each row (see ``IncludeRequest``). The
/// selected fields and all included relations together count against `maxSelectedFields`.
public struct QueryRequest: Sendable, Hashable {
    public var model: String
    public var select: [ExposedField]
    public var filter: Filter?
    public var orderBy: [OrderTerm]
    public var limit: Int
    public var cursor: String?
    /// The relations to include, in relation-name order (bytewise).
    public var include: [IncludeRequest]

    static let keys = ["model", "select", "where", "order_by", "limit", "cursor", "include"]
    /// Cursors longer than this are refused without decoding.
    static let maximumCursorLength = 4096

    /// Decodes `arguments` for `model`.
    ///
    /// - Parameter models: the principal's visible models by name, which `include` resolves relations against.
    ///   A relation whose model is not in it is unknown (`unknown_field`), so a caller that passes none refuses
    ///   every `include`.
    public init(arguments: JSONValue, model: ExposedModel, models: [String: ExposedModel] = [:]) throws {
        let arguments = try ArgumentObject(arguments, allowed: Self.keys)
        try arguments.checkModel(model)
        self.model = model.name
        self.select = try Self.selection(arguments["select"], model: model)
        self.filter = try arguments.filter(model: model, required: false)
        self.orderBy = try Self.order(arguments["order_by"], model: model)
        self.limit = try Self.limit(arguments["limit"], budgets: model.budgets)
        if let cursor = arguments["cursor"] {
            guard case .string(let text) = cursor, !text.isEmpty, text.utf8.count <= Self.maximumCursorLength else {
                throw HangarError(.cursorInvalid, "the cursor is not valid for this query")
            }
            self.cursor = text
        } else {
            self.cursor = nil
        }
        let budget = model.budgets.maxSelectedFields
        if let include = arguments["include"] {
            try IncludeBudget.check(include, maxIncludes: budget)
        }
        self.include = try IncludeRequest.decode(
            arguments["include"], parent: model, models: models, path: [model.name], depth: 1)
        guard select.count + IncludeRequest.count(include) <= budget else {
            throw HangarError(.queryTooComplex, "select and include at most \(budget) fields and relations")
        }
        // Limits multiply down a chain of `many` includes; one call returns at most `max_rows`² related rows
        // (one level of `many` at full limits; deeper chains need lower limits).
        let maximumIncluded = model.budgets.maxRows * model.budgets.maxRows
        guard IncludeRequest.worstCaseRows(include, parents: limit) <= maximumIncluded else {
            throw HangarError(
                .queryTooComplex,
                "the includes could return more than \(maximumIncluded) related rows; lower the limits")
        }
    }

    static func selection(_ json: JSONValue?, model: ExposedModel) throws -> [ExposedField] {
        let budget = model.budgets.maxSelectedFields
        guard let json else {
            let all = model.orderedFields
            guard all.count <= budget else {
                throw HangarError(.queryTooComplex, "select at most \(budget) fields")
            }
            return all
        }
        guard case .array(let names) = json, !names.isEmpty else {
            throw HangarError(.invalidArguments, "'select' must be a non-empty array of field names")
        }
        guard names.count <= budget else {
            throw HangarError(.queryTooComplex, "select at most \(budget) fields")
        }
        var fields: [ExposedField] = []
        fields.reserveCapacity(names.count)
        for name in names {
            guard case .string(let name) = name else {
                throw HangarError(.invalidArguments, "'select' must be a non-empty array of field names")
            }
            let field = try model.exposedField(named: name)
            guard !fields.contains(where: { $0.name.isBytewise(field.name) }) else {
                throw HangarError(.invalidArguments, "field '\(field.name)' is selected twice")
            }
            fields.append(field)
        }
        return fields
    }

    static func order(_ json: JSONValue?, model: ExposedModel) throws -> [OrderTerm] {
        guard let json else { return [] }
        guard case .array(let items) = json else {
            throw HangarError(.invalidArguments, "'order_by' must be an array of {field, direction}")
        }
        guard items.count <= model.budgets.maxSelectedFields else {
            throw HangarError(.queryTooComplex, "order by at most \(model.budgets.maxSelectedFields) fields")
        }
        var terms: [OrderTerm] = []
        terms.reserveCapacity(items.count)
        for item in items {
            let entry = try ArgumentObject(item, allowed: ["field", "direction"])
            guard case .string(let name)? = entry["field"] else {
                throw HangarError(.invalidArguments, "an 'order_by' entry needs a 'field' string")
            }
            let field = try model.exposedField(named: name)
            guard field.sortable else {
                throw HangarError(.fieldNotSortable, "field '\(field.name)' of model '\(model.name)' is not sortable")
            }
            var direction = OrderTerm.Direction.asc
            if let value = entry["direction"] {
                guard case .string(let text) = value, let parsed = OrderTerm.Direction(rawValue: text),
                    parsed.rawValue.isBytewise(text)
                else {
                    throw HangarError(.invalidArguments, "'direction' must be 'asc' or 'desc'")
                }
                direction = parsed
            }
            guard !terms.contains(where: { $0.field.name.isBytewise(field.name) }) else {
                throw HangarError(.invalidArguments, "field '\(field.name)' is ordered by twice")
            }
            terms.append(OrderTerm(field: field, direction: direction))
        }
        return terms
    }

    static func limit(_ json: JSONValue?, budgets: DataBudgets) throws -> Int {
        guard let json else { return budgets.maxRows }
        guard case .int(let value) = json, value >= 1, value <= Int64(budgets.maxRows) else {
            throw HangarError(.limitInvalid, "'limit' must be an integer from 1 to \(budgets.maxRows)")
        }
        return Int(value)
    }
}
