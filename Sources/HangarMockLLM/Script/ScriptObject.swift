import HangarCore

/// One mapping of a mock script, read strictly: a key it does not know is an error, and every error names the
/// path of the value (`$.rules[2].error.status`) so the author can find it.
struct ScriptObject {
    let path: String
    private let fields: [String: JSONValue]

    /// Reads `value` as a mapping whose keys are all in `allowed`.
    init(_ value: JSONValue, path: String, allowed: Set<String>) throws {
        guard case .object(let fields) = value else {
            throw Self.invalid("\(path) must be a mapping, not \(Self.describe(value))")
        }
        if let unknown = fields.keys.sorted().first(where: { !allowed.contains($0) }) {
            let known = allowed.sorted().joined(separator: ", ")
            throw Self.invalid("unknown key '\(unknown)' in \(path) (known keys: \(known))")
        }
        self.path = path
        self.fields = fields
    }

    func has(_ key: String) -> Bool { fields[key] != nil }

    func string(_ key: String) throws -> String? {
        guard let value = fields[key] else { return nil }
        guard case .string(let text) = value else { throw mismatch(key, "a string", value) }
        return text
    }

    func int(_ key: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let value = fields[key] else { return nil }
        guard let number = value.intValue, let integer = Int(exactly: number), range.contains(integer) else {
            throw mismatch(key, "an integer from \(range.lowerBound) to \(range.upperBound)", value)
        }
        return integer
    }

    func number(_ key: String, in range: ClosedRange<Double>) throws -> Double? {
        guard let value = fields[key] else { return nil }
        let number: Double? =
            switch value {
            case .int(let integer): Double(integer)
            case .double(let double): double
            default: nil
            }
        guard let number, range.contains(number) else {
            throw mismatch(key, "a number from \(range.lowerBound) to \(range.upperBound)", value)
        }
        return number
    }

    func bool(_ key: String) throws -> Bool? {
        guard let value = fields[key] else { return nil }
        guard case .bool(let flag) = value else { throw mismatch(key, "true or false", value) }
        return flag
    }

    func array(_ key: String) throws -> [JSONValue]? {
        guard let value = fields[key] else { return nil }
        guard case .array(let items) = value else { throw mismatch(key, "a list", value) }
        return items
    }

    /// The raw value, for fields that take more than one shape.
    func value(_ key: String) -> JSONValue? { fields[key] }

    func object(_ key: String, allowed: Set<String>) throws -> ScriptObject? {
        guard let value = fields[key] else { return nil }
        return try ScriptObject(value, path: "\(path).\(key)", allowed: allowed)
    }

    func mismatch(_ key: String, _ expected: String, _ value: JSONValue) -> HangarError {
        Self.invalid("\(path).\(key) must be \(expected), not \(Self.describe(value))")
    }

    func invalid(_ message: String) -> HangarError { Self.invalid("\(path): \(message)") }

    static func invalid(_ message: String) -> HangarError {
        HangarError(.configInvalid, "invalid mock script: \(message)")
    }

    static func describe(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool(let flag): "\(flag)"
        case .int(let integer): "\(integer)"
        case .double(let double): "\(double)"
        case .string: "a string"
        case .array: "a list"
        case .object: "a mapping"
        }
    }
}
