/// One `order_by` entry: a sortable field and a direction.
public struct OrderTerm: Sendable, Hashable {
    public enum Direction: String, Sendable, Hashable, CaseIterable {
        case asc, desc
    }

    public var field: ExposedField
    public var direction: Direction

    public init(field: ExposedField, direction: Direction) {
        self.field = field
        self.direction = direction
    }
}
