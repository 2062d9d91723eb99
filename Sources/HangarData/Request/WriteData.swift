import HangarCore

/// The `data` of a write: exposed, writable fields and their values, in a stable order (by name, bytewise).
enum WriteData {
    /// Decodes `data`. Naming a row-scope column (tenant, owner, soft delete) is `row_scope_violation`, checked
    /// before anything else; other names resolve bytewise (`unknown_field`); read-only fields, and the primary
    /// key when `allowPrimaryKey` is false, and masked or hashed fields the policy did not make `writable`, are
    /// `invalid_arguments`; values must match the column type (`null`
    /// only for nullable fields).
    static func decode(_ json: JSONValue?, model: ExposedModel, allowPrimaryKey: Bool) throws -> [(
        field: ExposedField, value: DataValue
    )] {
        guard case .object(let object)? = json, !object.isEmpty else {
            throw HangarError(.invalidArguments, "'data' must be a non-empty object of field values")
        }
        for key in object.keys where model.isScopeColumn(key) {
            throw HangarError(.rowScopeViolation, "a write may not set the row-scope columns")
        }
        guard object.count <= model.fields.count else {
            throw HangarError(.invalidArguments, "'data' names more fields than the model has")
        }
        var result: [(field: ExposedField, value: DataValue)] = []
        result.reserveCapacity(object.count)
        for key in object.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            let field = try model.exposedField(named: key)
            if !field.writable || model.writes.readOnlyFields.contains(field.name)
                || (!allowPrimaryKey && field.name.isBytewise(model.primaryKey))
            {
                throw HangarError(.invalidArguments, "field '\(field.name)' is read-only")
            }
            let value = try DataValue(json: object[key] ?? .null, for: field, allowNull: field.nullable)
            result.append((field, value))
        }
        return result
    }

    /// Checks that the model allows `operation` and, when it requires one, that a reason is given.
    static func checkAllowed(
        _ operation: WritePolicy.Operation, model: ExposedModel, reason: String?
    ) throws {
        guard model.writes.operations.contains(operation) else {
            throw HangarError(.forbidden, "model '\(model.name)' does not allow \(operation.rawValue)")
        }
        if model.writes.requireReason, (reason ?? "").allSatisfy(\.isWhitespace) {
            throw HangarError(.reasonRequired, "a 'reason' is required to \(operation.rawValue) '\(model.name)'")
        }
    }
}
