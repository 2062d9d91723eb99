import HangarCore

/// A strict reader over one object of a configuration document: every key must be read or it is an error, so
/// a typo (`max_token:`) fails loudly instead of silently meaning the default.
struct ConfigObject {
    let path: String
    private let values: [String: JSONValue]
    private var seen: Set<String> = []

    init(_ value: JSONValue, path: String) throws {
        guard case .object(let values) = value else { throw Self.invalid(path, "must be a mapping") }
        self.path = path
        self.values = values
    }

    mutating func value(_ key: String) -> JSONValue? {
        seen.insert(key)
        if case .null? = values[key] { return nil }
        return values[key]
    }

    mutating func string(_ key: String) throws -> String? {
        guard let value = value(key) else { return nil }
        guard let string = value.stringValue, !string.isEmpty else {
            throw Self.invalid("\(path).\(key)", "must be a non-empty string")
        }
        return string
    }

    mutating func requiredString(_ key: String) throws -> String {
        guard let string = try string(key) else { throw Self.invalid("\(path).\(key)", "is required") }
        return string
    }

    mutating func int(_ key: String, min: Int64 = 0, max: Int64 = .max) throws -> Int64? {
        guard let value = value(key) else { return nil }
        guard let int = value.intValue, int >= min, int <= max else {
            throw Self.invalid("\(path).\(key)", "must be an integer from \(min) to \(max)")
        }
        return int
    }

    mutating func bool(_ key: String) throws -> Bool? {
        guard let value = value(key) else { return nil }
        guard let bool = value.boolValue else { throw Self.invalid("\(path).\(key)", "must be true or false") }
        return bool
    }

    mutating func strings(_ key: String) throws -> [String]? {
        guard let value = value(key) else { return nil }
        guard let array = value.arrayValue else { throw Self.invalid("\(path).\(key)", "must be a list") }
        return try array.enumerated().map { index, item in
            guard let string = item.stringValue, !string.isEmpty else {
                throw Self.invalid("\(path).\(key)[\(index)]", "must be a non-empty string")
            }
            return string
        }
    }

    mutating func object(_ key: String) throws -> ConfigObject? {
        guard let value = value(key) else { return nil }
        return try ConfigObject(value, path: "\(path).\(key)")
    }

    /// The entries of a mapping of named objects (`providers:`, `models:`), in name order.
    mutating func entries(_ key: String) throws -> [(String, ConfigObject)] {
        guard let value = value(key) else { return [] }
        guard let object = value.objectValue else { throw Self.invalid("\(path).\(key)", "must be a mapping") }
        return try object.keys.sorted().map { name in
            (name, try ConfigObject(object[name] ?? .null, path: "\(path).\(key).\(name)"))
        }
    }

    mutating func list(_ key: String) throws -> [ConfigObject]? {
        guard let value = value(key) else { return nil }
        guard let array = value.arrayValue else { throw Self.invalid("\(path).\(key)", "must be a list") }
        return try array.enumerated().map { try ConfigObject($1, path: "\(path).\(key)[\($0)]") }
    }

    /// Fails on the first key that was never read.
    func finish() throws {
        if let unknown = values.keys.sorted().first(where: { !seen.contains($0) }) {
            throw HangarError(.configUnknownKey, "gateway configuration: unknown key \(path).\(unknown)")
        }
    }

    static func invalid(_ path: String, _ problem: String) -> HangarError {
        HangarError(.configInvalid, "gateway configuration: \(path) \(problem)")
    }
}
