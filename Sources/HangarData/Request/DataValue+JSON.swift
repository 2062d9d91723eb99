internal import Foundation
public import HangarCore

extension DataValue {
    /// Decodes an agent-supplied JSON scalar for `field`, strictly: an integer column takes only a JSON integer
    /// (never `"10"` or `1.5`), a real column an integer or number, text and timestamp columns a string, a
    /// boolean column `true`/`false`, a blob column base64 text. Arrays and objects (`{"$ne": 1}`) are refused,
    /// and so is `null` unless `allowNull` is set (writes of a nullable field).
    public init(json: JSONValue, for field: ExposedField, allowNull: Bool = false) throws {
        switch (field.type, json) {
        case (_, .null) where allowNull: self = .null
        case (.integer, .int(let value)): self = .integer(value)
        case (.real, .int(let value)): self = .real(Double(value))
        case (.real, .double(let value)): self = .real(value)
        case (.text, .string(let value)), (.timestamp, .string(let value)): self = .text(value)
        case (.boolean, .bool(let value)): self = .boolean(value)
        case (.blob, .string(let value)):
            guard let data = Data(base64Encoded: value) else { throw Self.mismatch(field) }
            self = .blob([UInt8](data))
        default:
            throw Self.mismatch(field)
        }
    }

    static func mismatch(_ field: ExposedField) -> HangarError {
        let expected =
            switch field.type {
            case .integer: "an integer"
            case .real: "a number"
            case .text: "a string"
            case .boolean: "a boolean"
            case .blob: "base64 text"
            case .timestamp: "an ISO-8601 string"
            }
        return HangarError(.invalidArguments, "field '\(field.name)' expects \(expected)")
    }
}
