/// One column of a query's keyset order: the `order_by` fields, then the primary key.
struct SortKey: Sendable, Hashable {
    var column: String
    var descending: Bool
    var nullable: Bool
}
