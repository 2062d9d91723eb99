import HangarCore

/// Turns a schema document into ``SchemaNode``s, checking every keyword's value. Errors name the location
/// inside the schema (`/properties/limit/maximum`), which is a tool author's mistake, not a caller's.
enum SchemaCompiler {
    static let supportedTypes: Set<String> = ["null", "boolean", "integer", "number", "string", "array", "object"]

    /// Keywords that carry no validation and are accepted as they are.
    static let annotations: Set<String> = [
        "title", "description", "default", "examples", "format", "deprecated", "readOnly", "writeOnly",
        "$schema", "$id", "$comment",
    ]

    static let validationKeywords: Set<String> = [
        "type", "enum", "const", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength",
        "maxLength", "pattern", "items", "minItems", "maxItems", "uniqueItems", "properties", "required",
        "additionalProperties", "minProperties", "maxProperties",
    ]

    static func compile(_ document: JSONValue, at path: String) throws -> SchemaNode {
        if case .bool(let constant) = document { return SchemaNode(constant: constant) }
        guard case .object(let keywords) = document else {
            throw invalid(path, "a schema must be an object or a boolean")
        }
        for key in keywords.keys.sorted() where !validationKeywords.contains(key) && !annotations.contains(key) {
            throw invalid(JSONPointer.appending(path, key: key), "unsupported keyword \"\(key)\"")
        }
        return SchemaNode(
            types: try types(keywords["type"], at: JSONPointer.appending(path, key: "type")),
            enumValues: try enumValues(keywords["enum"], at: JSONPointer.appending(path, key: "enum")),
            constValue: keywords["const"],
            minimum: try number(keywords, "minimum", at: path),
            maximum: try number(keywords, "maximum", at: path),
            exclusiveMinimum: try number(keywords, "exclusiveMinimum", at: path),
            exclusiveMaximum: try number(keywords, "exclusiveMaximum", at: path),
            minLength: try count(keywords, "minLength", at: path),
            maxLength: try count(keywords, "maxLength", at: path),
            pattern: try pattern(keywords["pattern"], at: JSONPointer.appending(path, key: "pattern")),
            items: try keywords["items"].map { try compile($0, at: JSONPointer.appending(path, key: "items")) },
            minItems: try count(keywords, "minItems", at: path),
            maxItems: try count(keywords, "maxItems", at: path),
            uniqueItems: try flag(keywords, "uniqueItems", at: path),
            properties: try properties(keywords["properties"], at: JSONPointer.appending(path, key: "properties")),
            required: try required(keywords["required"], at: JSONPointer.appending(path, key: "required")),
            additionalProperties: try additional(
                keywords["additionalProperties"],
                at: JSONPointer.appending(path, key: "additionalProperties")
            ),
            minProperties: try count(keywords, "minProperties", at: path),
            maxProperties: try count(keywords, "maxProperties", at: path)
        )
    }

    private static func types(_ value: JSONValue?, at path: String) throws -> [String]? {
        guard let value else { return nil }
        let names: [JSONValue]
        switch value {
        case .string: names = [value]
        case .array(let array) where !array.isEmpty: names = array
        default: throw invalid(path, "must be a type name or a non-empty array of type names")
        }
        var result: [String] = []
        for name in names {
            guard let name = name.stringValue, supportedTypes.contains(name) else {
                throw invalid(path, "unknown type \(name.canonicalString())")
            }
            guard !result.contains(name) else { throw invalid(path, "type \"\(name)\" is listed twice") }
            result.append(name)
        }
        return result
    }

    private static func enumValues(_ value: JSONValue?, at path: String) throws -> [JSONValue]? {
        guard let value else { return nil }
        guard case .array(let values) = value, !values.isEmpty else {
            throw invalid(path, "must be a non-empty array")
        }
        return values
    }

    private static func number(_ keywords: [String: JSONValue], _ key: String, at path: String) throws -> JSONValue? {
        guard let value = keywords[key] else { return nil }
        guard value.isNumber else { throw invalid(JSONPointer.appending(path, key: key), "must be a number") }
        return value
    }

    private static func count(_ keywords: [String: JSONValue], _ key: String, at path: String) throws -> Int? {
        guard let value = keywords[key] else { return nil }
        guard value.isSchemaInteger, let count = value.intValue, count >= 0, count <= Int64(Int32.max) else {
            throw invalid(JSONPointer.appending(path, key: key), "must be a non-negative integer")
        }
        return Int(count)
    }

    private static func flag(_ keywords: [String: JSONValue], _ key: String, at path: String) throws -> Bool {
        guard let value = keywords[key] else { return false }
        guard let flag = value.boolValue else {
            throw invalid(JSONPointer.appending(path, key: key), "must be a boolean")
        }
        return flag
    }

    private static func pattern(_ value: JSONValue?, at path: String) throws -> SchemaPattern? {
        guard let value else { return nil }
        guard let source = value.stringValue, let pattern = SchemaPattern(source) else {
            throw invalid(path, "must be a valid regular expression")
        }
        return pattern
    }

    private static func properties(_ value: JSONValue?, at path: String) throws -> [String: SchemaNode] {
        guard let value else { return [:] }
        guard case .object(let members) = value else { throw invalid(path, "must be an object of schemas") }
        var result: [String: SchemaNode] = [:]
        for (name, schema) in members {
            result[name] = try compile(schema, at: JSONPointer.appending(path, key: name))
        }
        return result
    }

    private static func required(_ value: JSONValue?, at path: String) throws -> [String] {
        guard let value else { return [] }
        guard case .array(let names) = value else { throw invalid(path, "must be an array of property names") }
        var result: [String] = []
        for name in names {
            guard let name = name.stringValue, !result.contains(name) else {
                throw invalid(path, "must be an array of distinct property names")
            }
            result.append(name)
        }
        return result
    }

    private static func additional(_ value: JSONValue?, at path: String) throws -> SchemaNode.Additional {
        switch value {
        case nil, .bool(true)?: return .allowed
        case .bool(false)?: return .forbidden
        case let schema?: return .schema(try compile(schema, at: path))
        }
    }

    private static func invalid(_ path: String, _ message: String) -> HangarError {
        HangarError(.invalidToolDefinition, "schema \(path.isEmpty ? "(root)" : path): \(message)")
    }
}
