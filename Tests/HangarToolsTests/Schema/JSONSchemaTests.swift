import HangarCore
import HangarTesting
import HangarTools
import Testing

@Suite("JSON Schema validation")
struct JSONSchemaTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var schema: JSONValue
        var instance: JSONValue
        /// The full message: `<pointer>: <what is wrong>`.
        var message: String
        var pointer: String
        var keyword: String

        var testDescription: String { name }
    }

    /// An object schema with one property.
    static func object(_ name: String, _ property: JSONValue, required: Bool = false) -> JSONValue {
        [
            "type": "object",
            "properties": .object([name: property]),
            "required": required ? [.string(name)] : [],
        ]
    }

    static let violations: [Case] = [
        Case(
            name: "type integer refuses a string",
            schema: object("limit", ["type": "integer"]),
            instance: ["limit": "5"],
            message: "/limit: must be integer",
            pointer: "/limit",
            keyword: "type"
        ),
        Case(
            name: "type integer refuses a fraction",
            schema: object("limit", ["type": "integer"]),
            instance: ["limit": 2.5],
            message: "/limit: must be integer",
            pointer: "/limit",
            keyword: "type"
        ),
        Case(
            name: "type number refuses a boolean",
            schema: object("ratio", ["type": "number"]),
            instance: ["ratio": true],
            message: "/ratio: must be number",
            pointer: "/ratio",
            keyword: "type"
        ),
        Case(
            name: "array of types",
            schema: object("stream", ["type": ["string", "null"]]),
            instance: ["stream": 3],
            message: "/stream: must be string or null",
            pointer: "/stream",
            keyword: "type"
        ),
        Case(
            name: "root type",
            schema: ["type": "object"],
            instance: [1, 2],
            message: "(root): must be object",
            pointer: "",
            keyword: "type"
        ),
        Case(
            name: "required",
            schema: object("stream", ["type": "string"], required: true),
            instance: [:],
            message: "/stream: is required",
            pointer: "/stream",
            keyword: "required"
        ),
        Case(
            name: "additionalProperties false",
            schema: ["type": "object", "properties": ["a": ["type": "integer"]], "additionalProperties": false],
            instance: ["a": 1, "extra": 1],
            message: "/extra: is not allowed",
            pointer: "/extra",
            keyword: "additionalProperties"
        ),
        Case(
            name: "additionalProperties schema",
            schema: ["type": "object", "additionalProperties": ["type": "string"]],
            instance: ["x": 1],
            message: "/x: must be string",
            pointer: "/x",
            keyword: "type"
        ),
        Case(
            name: "enum",
            schema: object("order", ["enum": ["asc", "desc"]]),
            instance: ["order": "up"],
            message: #"/order: must be one of "asc", "desc""#,
            pointer: "/order",
            keyword: "enum"
        ),
        Case(
            name: "const",
            schema: object("version", ["const": "v1"]),
            instance: ["version": "v2"],
            message: #"/version: must be "v1""#,
            pointer: "/version",
            keyword: "const"
        ),
        Case(
            name: "minimum",
            schema: object("after", ["type": "integer", "minimum": 0]),
            instance: ["after": -1],
            message: "/after: must be >= 0",
            pointer: "/after",
            keyword: "minimum"
        ),
        Case(
            name: "maximum",
            schema: object("limit", ["type": "integer", "maximum": 1000]),
            instance: ["limit": 1001],
            message: "/limit: must be <= 1000",
            pointer: "/limit",
            keyword: "maximum"
        ),
        Case(
            name: "exclusiveMinimum",
            schema: object("ratio", ["exclusiveMinimum": 0]),
            instance: ["ratio": 0],
            message: "/ratio: must be > 0",
            pointer: "/ratio",
            keyword: "exclusiveMinimum"
        ),
        Case(
            name: "exclusiveMaximum compares a double with an integer bound",
            schema: object("ratio", ["exclusiveMaximum": 1]),
            instance: ["ratio": 1.0],
            message: "/ratio: must be < 1",
            pointer: "/ratio",
            keyword: "exclusiveMaximum"
        ),
        Case(
            name: "minLength",
            schema: object("name", ["type": "string", "minLength": 2]),
            instance: ["name": "a"],
            message: "/name: must be at least 2 characters long",
            pointer: "/name",
            keyword: "minLength"
        ),
        Case(
            name: "maxLength counts characters, not bytes",
            schema: object("name", ["maxLength": 3]),
            instance: ["name": "héllo"],
            message: "/name: must be at most 3 characters long",
            pointer: "/name",
            keyword: "maxLength"
        ),
        Case(
            name: "pattern",
            schema: object("name", ["pattern": "^[a-z]+$"]),
            instance: ["name": "ABC"],
            message: #"/name: must match the pattern "^[a-z]+$""#,
            pointer: "/name",
            keyword: "pattern"
        ),
        Case(
            name: "minItems",
            schema: object("tags", ["type": "array", "minItems": 1]),
            instance: ["tags": []],
            message: "/tags: must have at least 1 items",
            pointer: "/tags",
            keyword: "minItems"
        ),
        Case(
            name: "maxItems",
            schema: object("tags", ["maxItems": 2]),
            instance: ["tags": [1, 2, 3]],
            message: "/tags: must have at most 2 items",
            pointer: "/tags",
            keyword: "maxItems"
        ),
        Case(
            name: "items",
            schema: object("tags", ["items": ["type": "string"]]),
            instance: ["tags": ["a", 2]],
            message: "/tags/1: must be string",
            pointer: "/tags/1",
            keyword: "type"
        ),
        Case(
            name: "uniqueItems compares numbers by value",
            schema: object("tags", ["uniqueItems": true]),
            instance: ["tags": [1, 1.0]],
            message: "/tags/1: must not repeat item 0",
            pointer: "/tags/1",
            keyword: "uniqueItems"
        ),
        Case(
            name: "minProperties",
            schema: ["type": "object", "minProperties": 1],
            instance: [:],
            message: "(root): must have at least 1 properties",
            pointer: "",
            keyword: "minProperties"
        ),
        Case(
            name: "maxProperties",
            schema: ["type": "object", "maxProperties": 1],
            instance: ["a": 1, "b": 2],
            message: "(root): must have at most 1 properties",
            pointer: "",
            keyword: "maxProperties"
        ),
        Case(
            name: "false schema",
            schema: object("x", false),
            instance: ["x": 1],
            message: "/x: is not allowed",
            pointer: "/x",
            keyword: "false"
        ),
        Case(
            name: "nested pointer",
            schema: object("filter", object("kind", ["type": "string"])),
            instance: ["filter": ["kind": 5]],
            message: "/filter/kind: must be string",
            pointer: "/filter/kind",
            keyword: "type"
        ),
        Case(
            name: "pointer escapes ~ and /",
            schema: object("a/b~c", ["type": "string"]),
            instance: ["a/b~c": 1],
            message: "/a~1b~0c: must be string",
            pointer: "/a~1b~0c",
            keyword: "type"
        ),
        Case(
            name: "first violation in sorted key order",
            schema: [
                "type": "object",
                "properties": ["limit": ["maximum": 10], "after": ["minimum": 0]],
            ],
            instance: ["limit": 50, "after": -1],
            message: "/after: must be >= 0",
            pointer: "/after",
            keyword: "minimum"
        ),
        Case(
            name: "required is checked before members",
            schema: [
                "type": "object", "properties": ["a": ["type": "string"]], "required": ["b"],
            ],
            instance: ["a": 1],
            message: "/b: is required",
            pointer: "/b",
            keyword: "required"
        ),
    ]

    @Test(arguments: violations)
    func reportsTheFirstViolation(_ testCase: Case) throws {
        let schema = try JSONSchema(testCase.schema)
        let violation = try #require(schema.firstViolation(in: testCase.instance))
        #expect(violation.description == testCase.message)
        #expect(violation.pointer == testCase.pointer)
        #expect(violation.keyword == testCase.keyword)
    }

    static let conforming: [(JSONValue, JSONValue)] = [
        (object("limit", ["type": "integer"]), ["limit": 3.0]),
        (object("limit", ["type": "number", "maximum": 1.5]), ["limit": 1]),
        (object("stream", ["type": ["string", "null"]]), ["stream": nil]),
        (object("order", ["enum": [1, "a"]]), ["order": 1.0]),
        (object("name", ["pattern": "b"]), ["name": "abc"]),
        (object("x", true), ["x": ["anything": [1, 2]]]),
        (object("tags", ["uniqueItems": true, "items": ["type": "object"]]), ["tags": [["a": 1], ["a": 2]]]),
        (["type": "object", "properties": [:], "additionalProperties": false], [:]),
        (
            [
                "type": "object", "title": "t", "description": "d",
                "$schema": "https://json-schema.org/draft/2020-12/schema",
            ], ["k": 1]
        ),
        (
            object("after", ["type": "integer", "minimum": 0, "maximum": 9_007_199_254_740_991]),
            ["after": 9_007_199_254_740_991]
        ),
    ]

    @Test(arguments: conforming.indices)
    func acceptsConformingDocuments(_ index: Int) throws {
        let (schemaDocument, instance) = Self.conforming[index]
        let schema = try JSONSchema(schemaDocument)
        #expect(schema.firstViolation(in: instance) == nil)
    }

    @Test func refusesDocumentsNestedTooDeep() throws {
        let schema = try JSONSchema(["type": "object"])
        let limits = JSONLimits(maxBytes: 10_000, maxDepth: 3)
        #expect(schema.firstViolation(in: ["a": ["b": ["c": 1]]], limits: limits) == nil)
        let violation = try #require(schema.firstViolation(in: ["a": ["b": ["c": ["d": 1]]]], limits: limits))
        #expect(violation.description == "/a/b/c: is nested deeper than 3 levels")
        #expect(violation.keyword == "maxDepth")
    }

    @Test func refusesDocumentsTooLarge() throws {
        let schema = try JSONSchema(["type": "object"])
        let limits = JSONLimits(maxBytes: 100, maxDepth: 10)
        let big: JSONValue = ["text": .string(String(repeating: "x", count: 200))]
        let violation = try #require(schema.firstViolation(in: big, limits: limits))
        #expect(violation.description == "(root): is larger than 100 bytes")
        #expect(violation.keyword == "maxBytes")
    }

    @Test(arguments: [
        (
            ["type": "object", "properties": ["x": ["oneOf": [["type": "string"]]]]] as JSONValue,
            #"schema /properties/x/oneOf: unsupported keyword "oneOf""#
        ),
        (["type": "objekt"] as JSONValue, #"schema /type: unknown type "objekt""#),
        (["type": "string", "minLength": -1] as JSONValue, "schema /minLength: must be a non-negative integer"),
        (["type": "string", "pattern": "("] as JSONValue, "schema /pattern: must be a valid regular expression"),
        (["$ref": "#/$defs/x"] as JSONValue, #"schema /$ref: unsupported keyword "$ref""#),
        (["items": [["type": "string"]]] as JSONValue, "schema /items: a schema must be an object or a boolean"),
        (["required": ["a", "a"]] as JSONValue, "schema /required: must be an array of distinct property names"),
        ("object" as JSONValue, "schema (root): a schema must be an object or a boolean"),
    ])
    func refusesSchemasItCannotHonour(_ document: JSONValue, _ message: String) async {
        let error = await expectError(.invalidToolDefinition) { try JSONSchema(document) }
        #expect(error?.message == message)
    }
}
