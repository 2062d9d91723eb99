public import HangarCore

/// `db.update`: one row by primary key.
/// JSON shape: `{"model": "notes", "id": 7, "data": {"title": "…"}, "reason": "…"}`.
/// `data` may not name the tenant or owner (`row_scope_violation`), read-only fields or the primary key
/// (`invalid_arguments`).
public struct UpdateRequest: Sendable {
    public var model: String
    public var id: DataValue
    public var data: [(field: ExposedField, value: DataValue)]
    public var reason: String?

    public init(arguments: JSONValue, model: ExposedModel) throws {
        let arguments = try ArgumentObject(arguments, allowed: ["model", "id", "data", "reason"])
        try arguments.checkModel(model)
        self.model = model.name
        self.reason = try arguments.string("reason", maxLength: WriteLimits.maximumReasonLength)
        try WriteData.checkAllowed(.update, model: model, reason: reason)
        self.id = try RecordID.decode(arguments["id"], model: model)
        self.data = try WriteData.decode(arguments["data"], model: model, allowPrimaryKey: false)
    }
}
