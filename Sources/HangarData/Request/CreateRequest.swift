public import HangarCore

/// `db.create`. JSON shape: `{"model": "notes", "data": {"title": "…", "pinned": true}, "reason": "…"}`.
/// The tenant and owner columns are set from the principal; `data` naming them is `row_scope_violation`.
public struct CreateRequest: Sendable {
    public var model: String
    public var data: [(field: ExposedField, value: DataValue)]
    public var reason: String?

    public init(arguments: JSONValue, model: ExposedModel) throws {
        let arguments = try ArgumentObject(arguments, allowed: ["model", "data", "reason"])
        try arguments.checkModel(model)
        self.model = model.name
        self.reason = try arguments.string("reason", maxLength: WriteLimits.maximumReasonLength)
        try WriteData.checkAllowed(.create, model: model, reason: reason)
        self.data = try WriteData.decode(arguments["data"], model: model, allowPrimaryKey: true)
    }
}
