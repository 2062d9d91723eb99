extension ColumnType {
    /// The type of a SQLite column from its declared type, by SQLite's affinity rules (section 3.1 of
    /// "Datatypes In SQLite"), with booleans and dates told apart by name. A column without a declared type
    /// has BLOB affinity.
    public init(sqliteDeclaredType declared: String) {
        let type = declared.uppercased()
        if type.contains("BOOL") {
            self = .boolean
        } else if type.contains("INT") {
            self = .integer
        } else if type.contains("DATE") || type.contains("TIME") {
            self = .timestamp
        } else if type.contains("CHAR") || type.contains("CLOB") || type.contains("TEXT") {
            self = .text
        } else if type.isEmpty || type.contains("BLOB") {
            self = .blob
        } else {
            // REAL, FLOA, DOUB, and NUMERIC affinity (NUMERIC, DECIMAL, …).
            self = .real
        }
    }

    /// The type of a PostgreSQL column from `information_schema.columns.data_type`; nil for types the data
    /// tools do not support (arrays, ranges, geometric and network types, …).
    public init?(postgresDataType dataType: String) {
        switch dataType {
        case "smallint", "integer", "bigint": self = .integer
        case "real", "double precision", "numeric": self = .real
        case "boolean": self = .boolean
        case "text", "character varying", "character", "uuid", "json", "jsonb": self = .text
        case "bytea": self = .blob
        case "date", "timestamp with time zone", "timestamp without time zone": self = .timestamp
        default: return nil
        }
    }
}
