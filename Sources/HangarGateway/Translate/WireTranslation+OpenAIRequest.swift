public import HangarCore

// Anthropic Messages request → OpenAI Chat Completions request.
extension WireTranslation {
    /// Translates an Anthropic messages request for an OpenAI-compatible provider.
    ///
    /// `max_tokens` becomes `max_completion_tokens`, the current OpenAI name (reasoning models refuse the old
    /// one). A streaming request also asks for `stream_options.include_usage`, since Anthropic clients always
    /// expect usage and the gateway bills from it. `top_k` and `thinking` have no counterpart and are dropped.
    public static func openAIRequest(fromAnthropic body: JSONValue) throws -> JSONValue {
        let reader = WireReader.request
        let request = try reader.object(body, at: "the request body")
        var out: [String: JSONValue] = [:]
        if let model = try reader.optionalString(request["model"], at: "model") { out["model"] = .string(model) }
        let conversation = try OpenAIConversation(
            anthropicSystem: request["system"], messages: try reader.array(request["messages"], at: "messages"))
        out["messages"] = .array(conversation.messages)
        if let maxTokens = try reader.optionalInt(request["max_tokens"], at: "max_tokens") {
            guard maxTokens > 0 else { throw reader.error("max_tokens must be a positive integer") }
            out["max_completion_tokens"] = .int(maxTokens)
        }
        for key in ["temperature", "top_p"] {
            if let number = try reader.optionalNumber(request[key], at: key) { out[key] = number }
        }
        let stops = try reader.optionalArray(request["stop_sequences"], at: "stop_sequences") ?? []
        for (offset, stop) in stops.enumerated() {
            _ = try reader.string(stop, at: "stop_sequences[\(offset)]")
        }
        if !stops.isEmpty { out["stop"] = .array(stops) }
        if let stream = try reader.optionalBool(request["stream"], at: "stream") {
            out["stream"] = .bool(stream)
            if stream { out["stream_options"] = ["include_usage": true] }
        }
        if let metadata = try reader.optionalObject(request["metadata"], at: "metadata"),
            let user = try reader.optionalString(metadata["user_id"], at: "metadata.user_id")
        {
            out["user"] = .string(user)
        }
        try addOpenAITools(from: request, to: &out)
        return .object(out)
    }

    /// `tools` and `tool_choice`; `disable_parallel_tool_use` becomes `parallel_tool_calls: false`, which OpenAI
    /// only accepts alongside tools.
    private static func addOpenAITools(from request: [String: JSONValue], to out: inout [String: JSONValue]) throws {
        let reader = WireReader.request
        let tools = try reader.optionalArray(request["tools"], at: "tools") ?? []
        if !tools.isEmpty {
            out["tools"] = .array(try tools.enumerated().map { try openAITool($1, at: "tools[\($0)]") })
        }
        guard let choice = try reader.optionalObject(request["tool_choice"], at: "tool_choice") else { return }
        switch try reader.string(choice["type"], at: "tool_choice.type") {
        case "auto": out["tool_choice"] = "auto"
        case "any": out["tool_choice"] = "required"
        case "none": out["tool_choice"] = "none"
        case "tool":
            let name = try reader.string(choice["name"], at: "tool_choice.name")
            out["tool_choice"] = ["type": "function", "function": ["name": .string(name)]]
        case let other: throw reader.error("tool_choice.type \"\(other)\" is not supported")
        }
        let disableParallel = try reader.optionalBool(
            choice["disable_parallel_tool_use"], at: "tool_choice.disable_parallel_tool_use")
        if disableParallel == true, !tools.isEmpty { out["parallel_tool_calls"] = false }
    }

    /// `{name, description, input_schema}` → `{type: function, function: {name, description, parameters}}`.
    /// Anthropic's server tools (web search, code execution, …) run at Anthropic and are refused.
    private static func openAITool(_ value: JSONValue, at path: String) throws -> JSONValue {
        let reader = WireReader.request
        let tool = try reader.object(value, at: path)
        if let type = try reader.optionalString(tool["type"], at: "\(path).type"), type != "custom" {
            throw reader.error("\(path).type \"\(type)\" is not supported")
        }
        var function: [String: JSONValue] = ["name": .string(try reader.string(tool["name"], at: "\(path).name"))]
        if let description = try reader.optionalString(tool["description"], at: "\(path).description") {
            function["description"] = .string(description)
        }
        function["parameters"] = .object(try reader.object(tool["input_schema"], at: "\(path).input_schema"))
        return ["type": "function", "function": .object(function)]
    }
}
