/// One resolved filter condition: a canonical field and what it is compared with.
public struct FilterCondition: Sendable, Hashable {
    /// What the field is compared with; every value is a bind.
    public enum Operand: Sendable, Hashable {
        /// `eq ne lt lte gt gte`, with one value of the field's type.
        case value(DataValue)
        /// `in`, `not_in`: a non-empty list of values of the field's type.
        case list([DataValue])
        /// `is_null`: `true` for `IS NULL`, `false` for `IS NOT NULL`.
        case isNull(Bool)
        /// `contains`, `starts_with`, `ends_with`: the literal text, escaped into a `LIKE` pattern on compile.
        case text(String)
        /// `between`: the inclusive bounds.
        case range(DataValue, DataValue)
    }

    public var field: ExposedField
    public var op: FilterOperator
    public var operand: Operand

    public init(field: ExposedField, op: FilterOperator, operand: Operand) {
        self.field = field
        self.op = op
        self.operand = operand
    }
}
