import GRDB
import HangarCore

/// Conversions between GRDB rows and Hangar's values.
enum SQLiteValues {
    static func arguments(_ values: [ProjectionValue]) -> StatementArguments {
        StatementArguments(
            values.map { value -> (any DatabaseValueConvertible)? in
                switch value {
                case .text(let text): text
                case .integer(let integer): integer
                case .null: nil
                }
            })
    }

    static func projectionRow(_ row: Row) -> ProjectionRow {
        row.databaseValues.map { value in
            switch value.storage {
            case .int64(let integer): .integer(integer)
            case .string(let text): .text(text)
            case .double(let double): .integer(Int64(double))
            case .blob(let data): .text(String(decoding: data, as: UTF8.self))
            case .null: .null
            }
        }
    }

    /// Reads a row selected with `EventSQL.columns`.
    static func event(from row: Row) throws -> Event {
        try EventSQL.event(
            seq: row[0], stream: row[1], kind: row[2], ts: row[3], actor: row[4], payload: row[5],
            idempotencyKey: row[6])
    }
}
