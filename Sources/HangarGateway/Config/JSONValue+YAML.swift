import HangarCore

extension JSONValue {
    /// Converts what Yams loads (`[String: Any]`, `[Any]`, scalars) into a JSONValue; anything else (dates,
    /// binary, non-string keys) is a configuration error.
    init(yaml value: Any?) throws {
        switch value {
        case nil: self = .null
        case let value as Bool: self = .bool(value)
        case let value as Int: self = .int(Int64(value))
        case let value as Double: self = .double(value)
        case let value as String: self = .string(value)
        case let value as [Any]: self = .array(try value.map { try JSONValue(yaml: $0) })
        case let value as [String: Any]: self = .object(try value.mapValues { try JSONValue(yaml: $0) })
        default:
            throw HangarError(.configInvalid, "gateway configuration: a value is neither JSON nor plain YAML")
        }
    }
}
