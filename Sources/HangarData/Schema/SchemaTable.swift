/// One table of the database: its columns in declaration order and its primary key.
public struct SchemaTable: Sendable, Hashable {
    /// The canonical name, as the database spells it.
    public var name: String
    /// Columns in declaration order.
    public var columns: [SchemaColumn]
    /// The primary-key columns in key order; empty when the table has none.
    public var primaryKey: [String]

    public init(name: String, columns: [SchemaColumn], primaryKey: [String]) {
        self.name = name
        self.columns = columns
        self.primaryKey = primaryKey
    }

    /// The column named `name` exactly, or else the only one whose name matches ignoring case.
    public func column(named name: String) -> SchemaColumn? {
        if let exact = columns.first(where: { $0.name == name }) { return exact }
        let folded = columns.filter { $0.name.lowercased() == name.lowercased() }
        return folded.count == 1 ? folded[0] : nil
    }
}
