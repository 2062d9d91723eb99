public import HangarCore

/// A tool, declared once and served everywhere (MCP, REST, A2A skills, the built-in agent): what it is
/// called, what it takes and returns, who may call it and what it costs.
public struct ToolDefinition: Sendable, Hashable {
    /// 1 to 128 characters of `A-Z a-z 0-9 _ - .`, unique in a registry: `events.read`.
    public var name: String
    public var description: String
    /// A JSON Schema (see ``JSONSchema`` for the supported subset) with `"type": "object"` at its root.
    /// Arguments are checked against it before any handler runs.
    public var inputSchema: JSONValue
    /// A JSON Schema of the result, with `"type": "object"` at its root; results are checked against it, and
    /// MCP clients check `structuredContent` against it too.
    public var outputSchema: JSONValue?
    /// Scopes a caller must hold, all of them.
    public var requiredScopes: [String]
    /// What one call costs, when the tool is priced.
    public var price: Money?

    public init(
        name: String,
        description: String,
        inputSchema: JSONValue,
        outputSchema: JSONValue? = nil,
        requiredScopes: [String] = [],
        price: Money? = nil
    ) {
        self.name = name
        self.description = description
        self.inputSchema = inputSchema
        self.outputSchema = outputSchema
        self.requiredScopes = requiredScopes
        self.price = price
    }

    /// The longest tool name accepted (the MCP limit).
    public static let maxNameLength = 128

    /// Whether `name` is a valid tool name: 1 to 128 of `A-Z a-z 0-9 _ - .`.
    public static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count <= maxNameLength
            && name.utf8.allSatisfy { byte in
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                    UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "."):
                    true
                default:
                    false
                }
            }
    }
}
