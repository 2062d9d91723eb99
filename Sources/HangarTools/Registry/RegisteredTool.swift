import HangarCore

/// A tool as the registry keeps it: its definition, its schemas compiled, its handler.
struct RegisteredTool: Sendable {
    let definition: ToolDefinition
    let input: JSONSchema
    let output: JSONSchema?
    let handler: ToolRegistry.Handler
    /// The handler writes the call's audit event itself (see ``ToolRegistry``).
    let auditsItself: Bool

    init(_ definition: ToolDefinition, auditsItself: Bool = false, handler: @escaping ToolRegistry.Handler) throws {
        guard ToolDefinition.isValidName(definition.name) else {
            throw HangarError(
                .invalidToolDefinition,
                "tool name \"\(definition.name.prefix(ToolDefinition.maxNameLength))\" must be 1 to "
                    + "\(ToolDefinition.maxNameLength) characters of A-Z a-z 0-9 _ - ."
            )
        }
        self.definition = definition
        self.input = try Self.objectSchema(definition.inputSchema, role: "input", tool: definition.name)
        self.output = try definition.outputSchema.map {
            try Self.objectSchema($0, role: "output", tool: definition.name)
        }
        self.handler = handler
        self.auditsItself = auditsItself
    }

    /// MCP publishes both schemas and requires each to describe an object.
    private static func objectSchema(_ document: JSONValue, role: String, tool: String) throws -> JSONSchema {
        let schema: JSONSchema
        do {
            schema = try JSONSchema(document)
        } catch let error as HangarError {
            throw HangarError(error.code, "tool \(tool), \(role) \(error.message)")
        }
        guard document["type"] == .string("object") else {
            throw HangarError(.invalidToolDefinition, "tool \(tool): the \(role) schema must have \"type\": \"object\"")
        }
        return schema
    }
}
