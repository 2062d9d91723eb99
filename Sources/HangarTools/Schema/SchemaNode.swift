import Foundation
import HangarCore

/// One compiled (sub)schema: every keyword already checked and converted, so validating a document is a
/// walk with no parsing. Immutable, hence `Sendable`.
final class SchemaNode: Sendable {
    enum Additional: Sendable {
        case allowed
        case forbidden
        case schema(SchemaNode)
    }

    /// `true` / `false` boolean schemas; `nil` for an object schema.
    let constant: Bool?
    let types: [String]?
    let enumValues: [JSONValue]?
    let constValue: JSONValue?
    // Numbers
    let minimum: JSONValue?
    let maximum: JSONValue?
    let exclusiveMinimum: JSONValue?
    let exclusiveMaximum: JSONValue?
    // Strings
    let minLength: Int?
    let maxLength: Int?
    let pattern: SchemaPattern?
    // Arrays
    let items: SchemaNode?
    let minItems: Int?
    let maxItems: Int?
    let uniqueItems: Bool
    // Objects
    let properties: [String: SchemaNode]
    let required: [String]
    let additionalProperties: Additional
    let minProperties: Int?
    let maxProperties: Int?

    init(
        constant: Bool? = nil,
        types: [String]? = nil,
        enumValues: [JSONValue]? = nil,
        constValue: JSONValue? = nil,
        minimum: JSONValue? = nil,
        maximum: JSONValue? = nil,
        exclusiveMinimum: JSONValue? = nil,
        exclusiveMaximum: JSONValue? = nil,
        minLength: Int? = nil,
        maxLength: Int? = nil,
        pattern: SchemaPattern? = nil,
        items: SchemaNode? = nil,
        minItems: Int? = nil,
        maxItems: Int? = nil,
        uniqueItems: Bool = false,
        properties: [String: SchemaNode] = [:],
        required: [String] = [],
        additionalProperties: Additional = .allowed,
        minProperties: Int? = nil,
        maxProperties: Int? = nil
    ) {
        self.constant = constant
        self.types = types
        self.enumValues = enumValues
        self.constValue = constValue
        self.minimum = minimum
        self.maximum = maximum
        self.exclusiveMinimum = exclusiveMinimum
        self.exclusiveMaximum = exclusiveMaximum
        self.minLength = minLength
        self.maxLength = maxLength
        self.pattern = pattern
        self.items = items
        self.minItems = minItems
        self.maxItems = maxItems
        self.uniqueItems = uniqueItems
        self.properties = properties
        self.required = required
        self.additionalProperties = additionalProperties
        self.minProperties = minProperties
        self.maxProperties = maxProperties
    }
}

/// A `pattern`: an unanchored regular expression, compiled once when the schema is.
struct SchemaPattern: Sendable {
    let source: String
    let expression: NSRegularExpression

    init?(_ source: String) {
        guard let expression = try? NSRegularExpression(pattern: source) else { return nil }
        self.source = source
        self.expression = expression
    }

    func matches(_ string: String) -> Bool {
        let range = NSRange(string.startIndex..<string.endIndex, in: string)
        return expression.firstMatch(in: string, range: range) != nil
    }
}
