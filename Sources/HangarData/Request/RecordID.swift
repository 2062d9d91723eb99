import HangarCore

/// Decodes the `id` argument of `get`, `update` and `delete`: of the primary key's type when the key is an
/// exposed field, otherwise an integer or a string of at most 256 bytes.
enum RecordID {
    static func decode(_ json: JSONValue?, model: ExposedModel) throws -> DataValue {
        guard let json else { throw HangarError(.invalidArguments, "'id' is required") }
        if let field = model.fields[model.primaryKey], field.name.isBytewise(model.primaryKey) {
            return try DataValue(json: json, for: field)
        }
        switch json {
        case .int(let value): return .integer(value)
        case .string(let value) where value.utf8.count <= 256: return .text(value)
        default: throw HangarError(.invalidArguments, "'id' must be an integer or a string")
        }
    }
}
