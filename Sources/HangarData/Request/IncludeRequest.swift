import HangarCore

/// One relation of a `db.query` `include`, decoded and resolved against the related model.
///
/// JSON shape: the value of `include` is an object keyed by relation names of the model; each value is an
/// object with optional keys:
/// ```json
/// {"orders": {"select": ["id", "total"], "limit": 10, "include": {"items": {}}}}
/// ```
/// `select` defaults to every exposed field of the related model; `limit` is an integer in `1...maxRows` of the
/// related model, defaults to its `maxRows` and bounds the rows per parent row of a `many` relation (a
/// many-to-one relation gives at most one row per parent); `include` nests the related model's own relations.
///
/// A relation that does not exist for the principal (including one to a hidden model or through a hidden field)
/// is `unknown_field`, exactly like an unknown field. A relation named like a field of the model is
/// `invalid_arguments` (its key in the result would hide the field). A relation nested deeper than its
/// `maxDepth` or than ``RelationPolicy/maximumDepth``, or one that leads back to a model already on the path
/// (a cycle), is `query_too_complex`.
public struct IncludeRequest: Sendable, Hashable {
    /// The relation's name: its key in each parent object.
    public var name: String
    public var relation: ExposedRelation
    /// The related model, whose rows are included.
    public var model: ExposedModel
    public var select: [ExposedField]
    public var limit: Int
    /// The related model's own includes, in relation-name order.
    public var include: [IncludeRequest]

    static let keys = ["select", "limit", "include"]

    /// The includes of `json` (the `include` argument of a query on `parent`), in relation-name order (bytewise).
    ///
    /// - Parameters:
    ///   - models: the principal's visible models by name; a relation whose model is missing is unknown.
    ///   - path: the names of the models from the query's model to `parent`, for cycle detection.
    ///   - depth: the nesting depth of the relations in `json`, 1 for the query's own `include`.
    static func decode(
        _ json: JSONValue?, parent: ExposedModel, models: [String: ExposedModel], path: [String], depth: Int
    ) throws -> [IncludeRequest] {
        guard let json else { return [] }
        guard case .object(let object) = json else {
            throw HangarError(.invalidArguments, "'include' must be an object keyed by relation names")
        }
        var includes: [IncludeRequest] = []
        includes.reserveCapacity(object.count)
        for (name, value) in object.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
            includes.append(
                try IncludeRequest(
                    name: name, options: value, parent: parent, models: models, path: path, depth: depth))
        }
        return includes
    }

    private init(
        name: String, options: JSONValue, parent: ExposedModel, models: [String: ExposedModel], path: [String],
        depth: Int
    ) throws {
        // Relation names match bytewise, like field names: no case folding, no Unicode normalization.
        guard name.utf8.count <= ExposedModel.maximumNameLength,
            let relation = parent.relations.first(where: { $0.key.isBytewise(name) })?.value,
            let model = models[relation.model], model.name.isBytewise(relation.model)
        else {
            throw HangarError.unknownField(name, model: parent.name)
        }
        if parent.fields.keys.contains(where: { $0.isBytewise(name) }) {
            throw HangarError(
                .invalidArguments, "relation '\(name)' of model '\(parent.name)' has the name of one of its fields")
        }
        let maxDepth = min(relation.maxDepth, RelationPolicy.maximumDepth)
        if depth > maxDepth {
            throw HangarError(
                .queryTooComplex,
                "relation '\(name)' of model '\(parent.name)' may be included at most \(maxDepth) deep")
        }
        if path.contains(where: { $0.isBytewise(model.name) }) {
            throw HangarError(
                .queryTooComplex, "relation '\(name)' of model '\(parent.name)' leads back to model '\(model.name)'")
        }
        guard case .object = options else {
            throw HangarError(.invalidArguments, "include '\(name)' must be an object")
        }
        let arguments = try ArgumentObject(options, allowed: Self.keys)
        self.name = name
        self.relation = relation
        self.model = model
        self.select = try QueryRequest.selection(arguments["select"], model: model)
        self.limit = try QueryRequest.limit(arguments["limit"], budgets: model.budgets)
        self.include = try Self.decode(
            arguments["include"], parent: model, models: models, path: path + [model.name], depth: depth + 1)
    }

    /// The number of relations in `includes` and in all their nested includes.
    static func count(_ includes: [IncludeRequest]) -> Int {
        includes.reduce(0) { $0 + 1 + count($1.include) }
    }

    /// The most related rows `includes` can return under `parents` rows: each `many` level multiplies by its
    /// limit, each many-to-one level by one. Saturates instead of overflowing.
    static func worstCaseRows(_ includes: [IncludeRequest], parents: Int) -> Int {
        includes.reduce(0) { total, include in
            let (rows, overflow) = parents.multipliedReportingOverflow(by: include.relation.many ? include.limit : 1)
            guard !overflow else { return .max }
            let (sum, sumOverflow) = total.addingReportingOverflow(rows)
            guard !sumOverflow else { return .max }
            let (nested, nestedOverflow) = sum.addingReportingOverflow(worstCaseRows(include.include, parents: rows))
            return nestedOverflow ? .max : nested
        }
    }
}
