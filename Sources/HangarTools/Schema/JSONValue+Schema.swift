import HangarCore

// JSON Schema's view of JSON values: numbers compare by value whatever their spelling (`1` equals `1.0`),
// and a number with no fractional part is an integer.
extension JSONValue {
    /// Whether this is a number with no fractional part (`3` or `3.0`).
    var isSchemaInteger: Bool {
        switch self {
        case .int: true
        case .double(let value): value.isFinite && value.rounded(.towardZero) == value
        default: false
        }
    }

    var isNumber: Bool {
        switch self {
        case .int, .double: true
        default: false
        }
    }

    /// Whether the value is of the JSON Schema type `name` (`integer`, `number`, `string`, ...).
    func hasSchemaType(_ name: String) -> Bool {
        switch name {
        case "integer": isSchemaInteger
        case "number": isNumber
        default: typeName == name
        }
    }

    /// Orders two numbers by value; `nil` when either is not a number. Integers compare exactly; a
    /// comparison with a double goes through the double unless the double is itself an exact integer.
    static func compareNumbers(_ lhs: JSONValue, _ rhs: JSONValue) -> Int? {
        switch (lhs, rhs) {
        case (.int(let a), .int(let b)):
            return a < b ? -1 : (a == b ? 0 : 1)
        case (.int(let a), .double(let b)):
            return -(compare(double: b, int: a))
        case (.double(let a), .int(let b)):
            return compare(double: a, int: b)
        case (.double(let a), .double(let b)):
            return a < b ? -1 : (a == b ? 0 : 1)
        default:
            return nil
        }
    }

    private static func compare(double: Double, int: Int64) -> Int {
        // Exact when the double is integral and inside Int64's range; otherwise the double decides.
        if double.rounded(.towardZero) == double, let exact = Int64(exactly: double) {
            return exact < int ? -1 : (exact == int ? 0 : 1)
        }
        let converted = Double(int)
        return double < converted ? -1 : (double == converted ? 0 : 1)
    }

    /// Equality as `enum`, `const` and `uniqueItems` define it: numbers by value, objects regardless of
    /// member order.
    func schemaEquals(_ other: JSONValue) -> Bool {
        switch (self, other) {
        case (.array(let a), .array(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.schemaEquals($1) }
        case (.object(let a), .object(let b)):
            guard a.count == b.count else { return false }
            for (key, value) in a {
                guard let match = b[key], value.schemaEquals(match) else { return false }
            }
            return true
        default:
            if let order = Self.compareNumbers(self, other) { return order == 0 }
            return self == other
        }
    }

    /// How deeply arrays and objects nest: a scalar is 0, `{"a": 1}` is 1, `{"a": [1]}` is 2. Stops counting
    /// past `limit`, so a hostile document costs at most `limit` levels of recursion. Returns the pointer
    /// of the first container that is nested too deep, or `nil`.
    func firstContainer(deeperThan limit: Int, pointer: String = "", depth: Int = 0) -> String? {
        switch self {
        case .array(let elements):
            if depth + 1 > limit { return pointer }
            for (index, element) in elements.enumerated() {
                let path = JSONPointer.appending(pointer, index: index)
                if let found = element.firstContainer(deeperThan: limit, pointer: path, depth: depth + 1) {
                    return found
                }
            }
            return nil
        case .object(let members):
            if depth + 1 > limit { return pointer }
            for key in members.keys.sorted() {
                let path = JSONPointer.appending(pointer, key: key)
                if let found = members[key]?.firstContainer(deeperThan: limit, pointer: path, depth: depth + 1) {
                    return found
                }
            }
            return nil
        default:
            return nil
        }
    }
}

extension JSONValue {
    /// The value of a schema integer (`3` or `3.0`) as an `Int64`, when it fits exactly.
    var exactInteger: Int64? {
        switch self {
        case .int(let value): value
        case .double(let value): Int64(exactly: value)
        default: nil
        }
    }
}
