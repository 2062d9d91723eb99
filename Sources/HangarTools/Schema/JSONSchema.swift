public import HangarCore

/// A JSON Schema, compiled once, that documents are validated against.
///
/// The validator is written by hand because none of the packages Hangar builds on provides JSON Schema
/// validation. It implements a subset of draft 2020-12 and refuses, when the schema is compiled, any keyword
/// outside that subset, so a tool can never believe it is protected by a keyword that is silently ignored:
///
/// - any value: `type` (a name or an array of names; `integer` also accepts `3.0`), `enum`, `const`
/// - numbers: `minimum`, `maximum`, `exclusiveMinimum`, `exclusiveMaximum`
/// - strings: `minLength`, `maxLength` (counted in Unicode scalars), `pattern` (unanchored)
/// - arrays: `items` (one schema for every element), `minItems`, `maxItems`, `uniqueItems`
/// - objects: `properties`, `required`, `additionalProperties` (`false` or a schema), `minProperties`,
///   `maxProperties`
/// - annotations, accepted and ignored: `title`, `description`, `default`, `examples`, `format`,
///   `deprecated`, `readOnly`, `writeOnly`, `$schema`, `$id`, `$comment`
/// - the boolean schemas `true` and `false`
///
/// Validation reports the first violation in a fixed order (the value's own keywords, then object members
/// in `required` order and then in sorted key order, then array elements in order), so the same bad document
/// always names the same pointer.
public struct JSONSchema: Sendable {
    /// The schema as written, which is what `tools/list` publishes.
    public let document: JSONValue
    let root: SchemaNode

    /// Compiles `document`; fails with `invalid_tool_definition` naming the schema location of the first
    /// keyword it cannot honour.
    public init(_ document: JSONValue) throws {
        self.document = document
        self.root = try SchemaCompiler.compile(document, at: "")
    }

    /// The first place where `instance` breaks the schema, or `nil` when it conforms. With `limits`, the
    /// document's nesting depth and canonical size are checked first (keywords `maxDepth`, `maxBytes`).
    public func firstViolation(in instance: JSONValue, limits: JSONLimits? = nil) -> SchemaViolation? {
        if let limits {
            if let pointer = instance.firstContainer(deeperThan: limits.maxDepth) {
                return SchemaViolation(
                    pointer: pointer,
                    keyword: "maxDepth",
                    message: "is nested deeper than \(limits.maxDepth) levels"
                )
            }
            let size = instance.canonicalData().count
            if size > limits.maxBytes {
                return SchemaViolation(
                    pointer: "",
                    keyword: "maxBytes",
                    message: "is larger than \(limits.maxBytes) bytes"
                )
            }
        }
        return SchemaValidator.firstViolation(of: root, in: instance, at: "")
    }

    /// Throws the first ``SchemaViolation`` of `instance`.
    public func validate(_ instance: JSONValue, limits: JSONLimits? = nil) throws {
        if let violation = firstViolation(in: instance, limits: limits) { throw violation }
    }
}
