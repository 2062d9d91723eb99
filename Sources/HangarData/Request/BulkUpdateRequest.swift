public import HangarCore

/// `db.bulk_update`: every row matching a required filter.
/// JSON shape: `{"model": "notes", "where": {…}, "data": {"archived": true}, "reason": "…"}`.
/// The runtime counts the matching rows first and refuses more than `max_affected_rows`.
public struct BulkUpdateRequest: Sendable {
    public var model: String
    public var filter: Filter
    public var data: [(field: ExposedField, value: DataValue)]
    public var reason: String?

    public init(arguments: JSONValue, model: ExposedModel) throws {
        let arguments = try ArgumentObject(arguments, allowed: ["model", "where", "data", "reason"])
        try arguments.checkModel(model)
        self.model = model.name
        self.reason = try arguments.string("reason", maxLength: WriteLimits.maximumReasonLength)
        try WriteData.checkAllowed(.bulkUpdate, model: model, reason: reason)
        guard let filter = try arguments.filter(model: model, required: true) else {
            throw HangarError(.invalidArguments, "'where' is required")
        }
        self.filter = filter
        self.data = try WriteData.decode(arguments["data"], model: model, allowPrimaryKey: false)
    }
}
