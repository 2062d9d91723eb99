/// The shape of one projection table: columns in order and the primary key. Adapters create it from this
/// description, so a projector declares its table once for both databases.
public struct ProjectionTable: Sendable, Hashable {
    public struct Column: Sendable, Hashable {
        public enum Kind: Sendable, Hashable {
            case text
            case integer
        }
        public var name: String
        public var kind: Kind
        public var nullable: Bool

        public init(_ name: String, _ kind: Kind, nullable: Bool = false) {
            self.name = name
            self.kind = kind
            self.nullable = nullable
        }
    }

    public var name: String
    public var columns: [Column]
    /// How many leading columns form the primary key.
    public var keyCount: Int
    /// Extra indexes, each a list of column names.
    public var indexes: [[String]]

    public init(name: String, columns: [Column], keyCount: Int = 1, indexes: [[String]] = []) {
        precondition(keyCount >= 1 && keyCount <= columns.count)
        self.name = name
        self.columns = columns
        self.keyCount = keyCount
        self.indexes = indexes
    }

    public var keyColumns: ArraySlice<Column> { columns.prefix(keyCount) }
}

/// A value in a projection row.
public enum ProjectionValue: Sendable, Hashable, Codable {
    case text(String)
    case integer(Int64)
    case null

    public var text: String? {
        if case .text(let value) = self { return value }
        return nil
    }

    public var integer: Int64? {
        if case .integer(let value) = self { return value }
        return nil
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .text(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .null: try container.encodeNil()
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Int64.self) {
            self = .integer(value)
        } else {
            self = .text(try container.decode(String.self))
        }
    }
}

/// One row, values in the table's column order.
public typealias ProjectionRow = [ProjectionValue]
