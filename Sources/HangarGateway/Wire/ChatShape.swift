import HangarCore

/// The structural checks of a chat body: message roles and contents, and tool definitions whose schemas must
/// be JSON Schema objects. Each failure names the field by its path (`messages[2].role`).
struct ChatShape {
    var format: WireFormat

    private static let openAIRoles: Set<String> = ["system", "developer", "user", "assistant", "tool", "function"]
    private static let anthropicRoles: Set<String> = ["user", "assistant"]
    private static let schemaTypes: Set<String> = [
        "object", "array", "string", "number", "integer", "boolean", "null",
    ]

    func check(_ body: [String: JSONValue]) throws {
        guard let messages = body["messages"]?.arrayValue else {
            throw ChatRequest.invalid("messages is required and must be an array", param: "messages")
        }
        guard !messages.isEmpty else { throw ChatRequest.invalid("messages must not be empty", param: "messages") }
        let roles = format == .openai ? Self.openAIRoles : Self.anthropicRoles
        for (index, message) in messages.enumerated() {
            let path = "messages[\(index)]"
            guard case .object(let fields) = message else {
                throw ChatRequest.invalid("\(path) must be an object", param: path)
            }
            guard let role = fields["role"]?.stringValue, roles.contains(role) else {
                let allowed = roles.sorted().joined(separator: ", ")
                throw ChatRequest.invalid("\(path).role must be one of \(allowed)", param: "\(path).role")
            }
            switch fields["content"] {
            case .string?, .array?: break
            case nil, .null?:
                // OpenAI: an assistant turn that only calls tools has no content.
                guard format == .openai, role == "assistant" else {
                    throw ChatRequest.invalid("\(path).content is required", param: "\(path).content")
                }
            default:
                throw ChatRequest.invalid(
                    "\(path).content must be a string or an array of parts", param: "\(path).content")
            }
            if case .array(let parts)? = fields["content"],
                let bad = parts.firstIndex(where: { $0["type"]?.stringValue == nil })
            {
                throw ChatRequest.invalid(
                    "\(path).content[\(bad)] must be an object with a type", param: "\(path).content")
            }
        }
        if format == .anthropic, let system = body["system"], system.stringValue == nil, system.arrayValue == nil {
            throw ChatRequest.invalid("system must be a string or an array of text blocks", param: "system")
        }
        try checkTools(body["tools"])
    }

    private func checkTools(_ value: JSONValue?) throws {
        guard let value, value != .null else { return }
        guard let tools = value.arrayValue else { throw ChatRequest.invalid("tools must be an array", param: "tools") }
        for (index, tool) in tools.enumerated() {
            let path = "tools[\(index)]"
            switch format {
            case .openai:
                guard tool["type"]?.stringValue == "function", let function = tool["function"],
                    let name = function["name"]?.stringValue, !name.isEmpty
                else {
                    throw ChatRequest.invalid(
                        "\(path) must be {type: function, function: {name, parameters}}", param: path)
                }
                if let schema = function["parameters"] {
                    try checkSchema(schema, path: "\(path).function.parameters")
                }
            case .anthropic:
                guard let name = tool["name"]?.stringValue, !name.isEmpty else {
                    throw ChatRequest.invalid("\(path).name is required", param: "\(path).name")
                }
                // Anthropic's own server tools (`type: web_search_…`) carry no input schema.
                let custom = tool["type"] == nil || tool["type"]?.stringValue == "custom"
                if custom {
                    guard let schema = tool["input_schema"] else {
                        throw ChatRequest.invalid("\(path).input_schema is required", param: "\(path).input_schema")
                    }
                    try checkSchema(schema, path: "\(path).input_schema")
                }
            }
        }
    }

    /// A JSON Schema for arguments: an object whose `type` (when present) names JSON Schema types, whose
    /// `properties` map names to schemas, and whose `required` lists strings.
    private func checkSchema(_ schema: JSONValue, path: String) throws {
        guard case .object(let fields) = schema else {
            throw ChatRequest.invalid("\(path) must be a JSON Schema object", param: path)
        }
        switch fields["type"] {
        case nil: break
        case .string(let type)? where Self.schemaTypes.contains(type): break
        case .array(let types)? where types.allSatisfy({ $0.stringValue.map(Self.schemaTypes.contains) == true }):
            break
        default:
            throw ChatRequest.invalid("\(path).type is not a JSON Schema type", param: "\(path).type")
        }
        if let properties = fields["properties"] {
            guard case .object(let members) = properties, members.values.allSatisfy({ $0.objectValue != nil }) else {
                throw ChatRequest.invalid("\(path).properties must map names to schemas", param: "\(path).properties")
            }
        }
        if let required = fields["required"],
            required.arrayValue?.allSatisfy({ $0.stringValue != nil }) != true
        {
            throw ChatRequest.invalid("\(path).required must be an array of strings", param: "\(path).required")
        }
    }
}
