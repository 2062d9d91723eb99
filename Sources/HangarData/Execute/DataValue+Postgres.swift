internal import Foundation
internal import HangarCore
internal import PostgresNIO

extension DataValue {
    /// A PostgreSQL cell by its data type: integers (and `COUNT(*)`), floating point and `numeric` (`SUM`,
    /// `AVG` of integers), booleans, text, timestamps as ISO-8601 text, `bytea` as bytes.
    ///
    /// - Throws: `database_error` for a type the data tools do not read.
    init(postgres cell: PostgresCell) throws {
        guard cell.bytes != nil else {
            self = .null
            return
        }
        switch cell.dataType {
        case .int2, .int4, .int8: self = .integer(try cell.decode(Int64.self))
        case .float4, .float8: self = .real(try cell.decode(Double.self))
        case .numeric: self = .real(NSDecimalNumber(decimal: try cell.decode(Decimal.self)).doubleValue)
        case .bool: self = .boolean(try cell.decode(Bool.self))
        case .text, .varchar, .bpchar, .name: self = .text(try cell.decode(String.self))
        case .timestamp, .timestamptz, .date:
            self = .text(try cell.decode(Date.self).formatted(.iso8601))
        case .bytea:
            let buffer = try cell.decode(ByteBuffer.self)
            self = .blob(Array(buffer.readableBytesView))
        default:
            throw HangarError(.databaseError, "the database returned a column of an unsupported type")
        }
    }
}
