/// The operators a filter condition may use, by their JSON spelling.
public enum FilterOperator: String, Sendable, Hashable, CaseIterable {
    case eq, ne, lt, lte, gt, gte
    case `in`
    case notIn = "not_in"
    case isNull = "is_null"
    case contains
    case startsWith = "starts_with"
    case endsWith = "ends_with"
    case between

    /// Looks an operator up by exact bytes; `nil` for anything else.
    init?(exactly name: String) {
        guard let value = FilterOperator(rawValue: name), value.rawValue.utf8.elementsEqual(name.utf8) else {
            return nil
        }
        self = value
    }
}
