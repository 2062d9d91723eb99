/// The tables and columns of an existing database, introspected from SQLite (`sqlite_master`, `pragma
/// table_info`) or PostgreSQL (`information_schema`, one schema). System tables (`sqlite_*`, `pg_catalog`,
/// `information_schema`) are never part of it. ``DataPolicy/expose(schema:)`` joins it with the policy.
public struct SchemaCatalog: Sendable, Hashable {
    /// Tables by canonical name.
    public var tables: [String: SchemaTable]

    public init(tables: [String: SchemaTable]) {
        self.tables = tables
    }

    public init(_ tables: [SchemaTable]) {
        self.tables = Dictionary(tables.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The table named `name` exactly, or else the only one whose name matches ignoring case.
    public func table(named name: String) -> SchemaTable? {
        if let exact = tables[name] { return exact }
        let folded = tables.values.filter { $0.name.lowercased() == name.lowercased() }
        return folded.count == 1 ? folded[0] : nil
    }
}
