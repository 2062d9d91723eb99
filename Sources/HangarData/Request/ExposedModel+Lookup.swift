import HangarCore

extension ExposedModel {
    /// Agent-supplied names longer than this are unknown without a lookup.
    static let maximumNameLength = 256

    /// The exposed field whose canonical name has exactly the bytes of `name`: no case folding and no Unicode
    /// normalization (Swift's `==` treats NFC and NFD as equal, so the bytes are compared after the lookup).
    /// Hidden, scope and nonexistent columns all throw the same `unknown_field`.
    public func exposedField(named name: String) throws -> ExposedField {
        guard name.utf8.count <= Self.maximumNameLength, let field = fields[name],
            field.name.utf8.elementsEqual(name.utf8)
        else {
            throw HangarError.unknownField(name, model: self.name)
        }
        return field
    }

    /// The exposed fields in a stable order (by canonical name, bytewise): the default selection.
    public var orderedFields: [ExposedField] {
        fields.values.sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
    }

    /// Whether `name` is exactly (bytewise) one of the hidden row-scope columns.
    func isScopeColumn(_ name: String) -> Bool {
        for column in [tenantColumn, ownerColumn, softDeleteColumn] {
            if let column, column.utf8.elementsEqual(name.utf8) { return true }
        }
        return false
    }
}
