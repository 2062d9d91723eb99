/// A resolved filter tree. Built only by ``Filter/init(json:model:)``, so every field in it is an exposed,
/// filterable field of the model and every value matches its column type.
///
/// JSON shape: every node is an object with exactly one key.
/// - `{"and": [node, …]}`, `{"or": [node, …]}`: one or more nodes.
/// - `{"not": node}`.
/// - `{"<field>": {"<operator>": operand}}`: a condition with exactly one operator. Operators and operands:
///   `eq ne lt lte gt gte` take a scalar of the field's type; `in`, `not_in` a non-empty array of scalars;
///   `is_null` a boolean; `contains starts_with ends_with` a string (text fields only); `between` an array of
///   two scalars `[low, high]`, inclusive.
///
/// `and`, `or` and `not` are reserved: a field with one of these names cannot be filtered on.
public indirect enum Filter: Sendable, Hashable {
    case and([Filter])
    case or([Filter])
    case not(Filter)
    case condition(FilterCondition)
}
