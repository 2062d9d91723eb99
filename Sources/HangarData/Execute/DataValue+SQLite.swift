internal import Foundation
internal import GRDB

extension DataValue {
    /// The value as GRDB binds it: booleans as 0 and 1, blobs as `Data`.
    var databaseValue: DatabaseValue {
        switch self {
        case .null: .null
        case .integer(let value): value.databaseValue
        case .real(let value): value.databaseValue
        case .text(let value): value.databaseValue
        case .boolean(let value): (value ? Int64(1) : 0).databaseValue
        case .blob(let bytes): Data(bytes).databaseValue
        }
    }

    /// A SQLite value by its storage class. Booleans arrive as integers; ``ResultShaper`` reads them by the
    /// field's ``ColumnType``.
    init(sqlite value: DatabaseValue) {
        switch value.storage {
        case .null: self = .null
        case .int64(let integer): self = .integer(integer)
        case .double(let real): self = .real(real)
        case .string(let text): self = .text(text)
        case .blob(let data): self = .blob(Array(data))
        }
    }
}
