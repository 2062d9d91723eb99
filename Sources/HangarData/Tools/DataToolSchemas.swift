public import HangarCore

/// The input schemas of the data tools for one principal's models: enums of the model names, of the field
/// names per role (selectable, sortable, aggregatable), of the aggregate operations. The schemas describe the
/// shape; the runtime still checks every name against the model the call names, and the filter grammar.
public enum DataToolSchemas {
    public static func input(for tool: DataTool, models: [ExposedModel]) -> JSONValue {
        let model = names(models.map(\.name))
        let fields = models.flatMap(\.orderedFields)
        let selectable = names(fields.map(\.name))
        let sortable = names(fields.filter(\.sortable).map(\.name))
        let aggregatable = names(fields.filter(\.aggregatable).map(\.name))
        let maxRows = Int64(models.map(\.budgets.maxRows).max() ?? 1)
        let id: JSONValue = ["type": ["integer", "string"], "description": "the row's primary key"]
        let reason: JSONValue = ["type": "string", "maxLength": .int(Int64(WriteLimits.maximumReasonLength))]
        let data: JSONValue = [
            "type": "object", "minProperties": 1,
            "description": "field values by field name; tenant and owner are set by the server",
        ]
        switch tool {
        case .describe:
            return object([:], required: [])
        case .query:
            return object(
                [
                    "model": model,
                    "select": ["type": "array", "items": selectable, "minItems": 1],
                    "where": filter,
                    "order_by": [
                        "type": "array",
                        "items": object(
                            ["field": sortable, "direction": ["enum": ["asc", "desc"]]], required: ["field"]),
                    ],
                    "limit": ["type": "integer", "minimum": 1, "maximum": .int(maxRows)],
                    "cursor": ["type": "string", "maxLength": .int(Int64(QueryRequest.maximumCursorLength))],
                    "include": [
                        "type": "object",
                        "description": "relation name → {select, limit, include}; see db.describe for relations",
                    ],
                ], required: ["model"])
        case .get:
            return object(["model": model, "id": id], required: ["model", "id"])
        case .aggregate:
            return object(
                [
                    "model": model,
                    "op": ["enum": .array(AggregateRequest.Operation.allCases.map { .string($0.rawValue) })],
                    "field": aggregatable,
                    "where": filter,
                    "group_by": ["type": "array", "items": aggregatable, "minItems": 1],
                ], required: ["model", "op"])
        case .create:
            return object(["model": model, "data": data, "reason": reason], required: ["model", "data"])
        case .update:
            return object(
                ["model": model, "id": id, "data": data, "reason": reason], required: ["model", "id", "data"])
        case .delete:
            return object(["model": model, "id": id, "reason": reason], required: ["model", "id"])
        case .bulkUpdate:
            return object(
                ["model": model, "where": filter, "data": data, "reason": reason], required: ["model", "where", "data"])
        }
    }

    public static func description(of tool: DataTool) -> String {
        switch tool {
        case .describe: "Lists the models, fields, relations, write rules and budgets you may use."
        case .query: "Reads rows of a model: select, where, order_by, limit, cursor (keyset pages), include."
        case .get: "Reads one row of a model by its primary key."
        case .aggregate: "count, sum, avg, min or max of a field, optionally grouped, over the rows a filter matches."
        case .create: "Creates a row. Tenant and owner come from the server, never from the data."
        case .update: "Updates one row by primary key."
        case .delete: "Deletes one row by primary key (soft delete where the model has one)."
        case .bulkUpdate: "Updates every row a filter matches, up to the model's max_affected_rows."
        }
    }

    private static let filter: JSONValue = [
        "type": "object",
        "description": .string(
            "{field: {op: value}} combined with {and: […]}, {or: […]}, {not: {…}}; ops: "
                + FilterOperator.allCases.map(\.rawValue).joined(separator: ", ")),
    ]

    /// `{"enum": [names…]}`, or the schema `false` (nothing is valid) when there are none: an empty `enum` is
    /// not a valid schema.
    private static func names(_ names: [String]) -> JSONValue {
        guard !names.isEmpty else { return false }
        return ["enum": .array(Array(Set(names)).sorted().map(JSONValue.string))]
    }

    private static func object(_ properties: [String: JSONValue], required: [String]) -> JSONValue {
        [
            "type": "object", "properties": .object(properties),
            "required": .array(required.map(JSONValue.string)), "additionalProperties": false,
        ]
    }
}
