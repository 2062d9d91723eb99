public import HangarCore

/// `db.get`: one row by primary key. JSON shape: `{"model": "users", "id": 42}`.
public struct GetRequest: Sendable, Hashable {
    public var model: String
    public var id: DataValue

    public init(arguments: JSONValue, model: ExposedModel) throws {
        let arguments = try ArgumentObject(arguments, allowed: ["model", "id"])
        try arguments.checkModel(model)
        self.model = model.name
        self.id = try RecordID.decode(arguments["id"], model: model)
    }
}
