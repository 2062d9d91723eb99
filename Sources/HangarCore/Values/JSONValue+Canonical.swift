public import Foundation

extension JSONValue {
    /// Canonical JSON bytes: object keys sorted, no insignificant white space, `/` unescaped. Two equal values
    /// always encode to the same bytes, which is what digests and byte-identical rebuilds rely on.
    public func canonicalData() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding a JSONValue cannot fail: every case maps to a JSON value (non-finite doubles are the
        // exception, and those cannot be produced by parsing JSON).
        return (try? encoder.encode(self)) ?? Data("null".utf8)
    }

    public func canonicalString() -> String {
        String(decoding: canonicalData(), as: UTF8.self)
    }

    /// Parses JSON bytes after checking the size and nesting limits, so a hostile body is refused before a
    /// recursive decoder ever sees it.
    public static func parse(_ data: Data, limits: JSONLimits = .default) throws -> JSONValue {
        try limits.check(data)
        do {
            return try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            throw HangarError(.invalidJSON, "the body is not valid JSON")
        }
    }

    public static func parse(_ string: String, limits: JSONLimits = .default) throws -> JSONValue {
        try parse(Data(string.utf8), limits: limits)
    }

    /// Converts any `Encodable` into a `JSONValue`.
    public init(encoding value: some Encodable) throws {
        let data = try JSONEncoder().encode(value)
        self = try JSONDecoder().decode(JSONValue.self, from: data)
    }

    /// Decodes this value into a `Decodable` type.
    public func decode<T: Decodable>(as type: T.Type) throws -> T {
        try JSONDecoder().decode(T.self, from: canonicalData())
    }
}
