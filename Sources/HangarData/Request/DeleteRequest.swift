public import HangarCore

/// `db.delete`: one row by primary key. JSON shape: `{"model": "notes", "id": 7, "reason": "…"}`.
/// On a model with a soft-delete column the row is marked deleted instead of removed.
public struct DeleteRequest: Sendable, Hashable {
    public var model: String
    public var id: DataValue
    public var reason: String?

    public init(arguments: JSONValue, model: ExposedModel) throws {
        let arguments = try ArgumentObject(arguments, allowed: ["model", "id", "reason"])
        try arguments.checkModel(model)
        self.model = model.name
        self.reason = try arguments.string("reason", maxLength: WriteLimits.maximumReasonLength)
        try WriteData.checkAllowed(.delete, model: model, reason: reason)
        self.id = try RecordID.decode(arguments["id"], model: model)
    }
}
