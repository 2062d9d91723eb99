import HangarCore

/// Reads the fields of a body being translated and names the exact path of any that is missing or of the wrong
/// type (`messages[2].tool_calls[0].id is required`).
///
/// A client's request fails as `invalid_request`; an upstream answer fails as `upstream_invalid_response`, since
/// the client did nothing wrong. An explicit JSON `null` reads as absent: OpenAI clients send `null` for unset
/// options.
struct WireReader {
    var code: HangarError.Code

    static let request = WireReader(code: .invalidRequest)
    static let upstream = WireReader(code: .upstreamInvalidResponse)

    func error(_ message: String) -> HangarError {
        HangarError(code, message)
    }

    /// The value, unless it is absent or `null`.
    static func present(_ value: JSONValue?) -> JSONValue? {
        if case .null? = value { return nil }
        return value
    }

    func object(_ value: JSONValue?, at path: String) throws -> [String: JSONValue] {
        guard let object = try optionalObject(value, at: path) else { throw error("\(path) is required") }
        return object
    }

    func optionalObject(_ value: JSONValue?, at path: String) throws -> [String: JSONValue]? {
        guard let value = Self.present(value) else { return nil }
        guard case .object(let object) = value else { throw error("\(path) must be an object") }
        return object
    }

    func array(_ value: JSONValue?, at path: String) throws -> [JSONValue] {
        guard let array = try optionalArray(value, at: path) else { throw error("\(path) is required") }
        return array
    }

    func optionalArray(_ value: JSONValue?, at path: String) throws -> [JSONValue]? {
        guard let value = Self.present(value) else { return nil }
        guard case .array(let array) = value else { throw error("\(path) must be an array") }
        return array
    }

    func string(_ value: JSONValue?, at path: String) throws -> String {
        guard let string = try optionalString(value, at: path) else { throw error("\(path) is required") }
        return string
    }

    func optionalString(_ value: JSONValue?, at path: String) throws -> String? {
        guard let value = Self.present(value) else { return nil }
        guard case .string(let string) = value else { throw error("\(path) must be a string") }
        return string
    }

    func int(_ value: JSONValue?, at path: String) throws -> Int64 {
        guard let int = try optionalInt(value, at: path) else { throw error("\(path) is required") }
        return int
    }

    func optionalInt(_ value: JSONValue?, at path: String) throws -> Int64? {
        guard let value = Self.present(value) else { return nil }
        guard let int = value.intValue else { throw error("\(path) must be an integer") }
        return int
    }

    func optionalBool(_ value: JSONValue?, at path: String) throws -> Bool? {
        guard let value = Self.present(value) else { return nil }
        guard case .bool(let bool) = value else { throw error("\(path) must be a boolean") }
        return bool
    }

    /// A number (integer or not), kept as it was written.
    func optionalNumber(_ value: JSONValue?, at path: String) throws -> JSONValue? {
        guard let value = Self.present(value) else { return nil }
        switch value {
        case .int, .double: return value
        default: throw error("\(path) must be a number")
        }
    }

    /// A JSON document inside a string, such as a tool call's `arguments`, which must hold an object. An empty
    /// string reads as `{}`: several models send it for a call without arguments.
    func jsonObject(inString text: String, at path: String) throws -> [String: JSONValue] {
        if text.allSatisfy(\.isWhitespace) { return [:] }
        guard case .object(let object)? = try? JSONValue.parse(text) else {
            throw error("\(path) is not a JSON object")
        }
        return object
    }
}
