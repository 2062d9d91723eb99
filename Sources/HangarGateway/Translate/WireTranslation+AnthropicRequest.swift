public import HangarCore

// OpenAI Chat Completions request → Anthropic Messages request.
extension WireTranslation {
    /// Translates an OpenAI chat request for an Anthropic provider.
    ///
    /// `defaultMaxTokens` fills `max_tokens`, which Anthropic requires and OpenAI does not. OpenAI's
    /// `stream_options` is dropped: Anthropic streams always carry usage, and ``AnthropicToOpenAIStream`` decides
    /// from the client's `include_usage` whether to pass it on. See ``WireTranslation`` for what is refused.
    public static func anthropicRequest(fromOpenAI body: JSONValue, defaultMaxTokens: Int64) throws -> JSONValue {
        let reader = WireReader.request
        let request = try reader.object(body, at: "the request body")
        try refuseOptionsAnthropicLacks(request)
        var out: [String: JSONValue] = [:]
        if let model = try reader.optionalString(request["model"], at: "model") { out["model"] = .string(model) }
        let conversation = try AnthropicConversation(
            openAIMessages: try reader.array(request["messages"], at: "messages"))
        if let system = conversation.system { out["system"] = system }
        out["messages"] = .array(conversation.messages)
        out["max_tokens"] = .int(try openAIMaxTokens(request) ?? defaultMaxTokens)
        for key in ["temperature", "top_p"] {
            if let number = try reader.optionalNumber(request[key], at: key) { out[key] = number }
        }
        if let stop = try stopSequences(request["stop"]) { out["stop_sequences"] = .array(stop) }
        if let stream = try reader.optionalBool(request["stream"], at: "stream") { out["stream"] = .bool(stream) }
        // `safety_identifier` is OpenAI's newer name for `user`.
        let user =
            try reader.optionalString(request["user"], at: "user")
            ?? reader.optionalString(request["safety_identifier"], at: "safety_identifier")
        if let user { out["metadata"] = ["user_id": .string(user)] }
        try addAnthropicTools(from: request, to: &out)
        return .object(out)
    }

    /// Options whose meaning Anthropic cannot honour. Dropping them would hand the client an answer of another
    /// kind than it asked for (free text where it expects schema-valid JSON, one choice where it expects several,
    /// no log probabilities), so they are refused with the reason. `response_format` in particular: Anthropic
    /// has no JSON mode, and a prompt asking for JSON would not give the guarantee `json_schema` promises.
    private static func refuseOptionsAnthropicLacks(_ request: [String: JSONValue]) throws {
        let reader = WireReader.request
        if let count = try reader.optionalInt(request["n"], at: "n"), count != 1 {
            throw reader.error("n \(count) is not supported: Anthropic models return one choice")
        }
        if try reader.optionalBool(request["logprobs"], at: "logprobs") == true {
            throw reader.error("logprobs is not supported by Anthropic models")
        }
        if let format = try reader.optionalObject(request["response_format"], at: "response_format") {
            let type = try reader.string(format["type"], at: "response_format.type")
            guard type == "text" else {
                throw reader.error(
                    "response_format.type \"\(type)\" is not supported by Anthropic models: use a tool with an input "
                        + "schema instead")
            }
        }
        for key in ["functions", "function_call"] where WireReader.present(request[key]) != nil {
            throw reader.error("\(key) is not supported: use tools and tool_choice")
        }
    }

    /// `max_completion_tokens` (the current name) or `max_tokens` (the deprecated one), if either is given.
    private static func openAIMaxTokens(_ request: [String: JSONValue]) throws -> Int64? {
        let reader = WireReader.request
        for key in ["max_completion_tokens", "max_tokens"] {
            guard let value = try reader.optionalInt(request[key], at: key) else { continue }
            guard value > 0 else { throw reader.error("\(key) must be a positive integer") }
            return value
        }
        return nil
    }

    /// OpenAI `stop` is a string or an array of strings; Anthropic wants an array. An empty one is left out.
    private static func stopSequences(_ value: JSONValue?) throws -> [JSONValue]? {
        let reader = WireReader.request
        switch WireReader.present(value) {
        case nil: return nil
        case .string(let stop)?: return [.string(stop)]
        case .array(let stops)?:
            for (offset, stop) in stops.enumerated() {
                _ = try reader.string(stop, at: "stop[\(offset)]")
            }
            return stops.isEmpty ? nil : stops
        default: throw reader.error("stop must be a string or an array of strings")
        }
    }

    /// `tools`, `tool_choice` and `parallel_tool_calls: false` (Anthropic's `disable_parallel_tool_use`, which
    /// lives inside `tool_choice`, so an absent choice becomes an explicit `auto`).
    private static func addAnthropicTools(from request: [String: JSONValue], to out: inout [String: JSONValue]) throws {
        let reader = WireReader.request
        let tools = try reader.optionalArray(request["tools"], at: "tools") ?? []
        if !tools.isEmpty {
            out["tools"] = .array(try tools.enumerated().map { try anthropicTool($1, at: "tools[\($0)]") })
        }
        var choice: [String: JSONValue]?
        switch WireReader.present(request["tool_choice"]) {
        case nil: choice = nil
        case .string("auto")?: choice = ["type": "auto"]
        case .string("none")?: choice = ["type": "none"]
        case .string("required")?: choice = ["type": "any"]
        case .string(let other)?: throw reader.error("tool_choice \"\(other)\" is not supported")
        case .object(let object)?:
            let type = try reader.string(object["type"], at: "tool_choice.type")
            guard type == "function" else { throw reader.error("tool_choice.type \"\(type)\" is not supported") }
            let function = try reader.object(object["function"], at: "tool_choice.function")
            choice = [
                "type": "tool", "name": .string(try reader.string(function["name"], at: "tool_choice.function.name")),
            ]
        default: throw reader.error("tool_choice must be a string or an object")
        }
        let parallel = try reader.optionalBool(request["parallel_tool_calls"], at: "parallel_tool_calls")
        if parallel == false, !tools.isEmpty {
            var restricted = choice ?? ["type": "auto"]
            // Anthropic's `none` choice takes no other field, and cannot call tools in parallel anyway.
            if restricted["type"] != "none" { restricted["disable_parallel_tool_use"] = true }
            choice = restricted
        }
        if let choice { out["tool_choice"] = .object(choice) }
    }

    /// `{type: function, function: {name, description, parameters}}` → `{name, description, input_schema}`. A
    /// function without parameters takes an empty object, since Anthropic requires a schema. `strict` is dropped
    /// (see ``WireTranslation``): refusing it would break clients that set it on every tool.
    private static func anthropicTool(_ value: JSONValue, at path: String) throws -> JSONValue {
        let reader = WireReader.request
        let tool = try reader.object(value, at: path)
        let type = try reader.optionalString(tool["type"], at: "\(path).type") ?? "function"
        guard type == "function" else { throw reader.error("\(path).type \"\(type)\" is not supported") }
        let function = try reader.object(tool["function"], at: "\(path).function")
        var out: [String: JSONValue] = [
            "name": .string(try reader.string(function["name"], at: "\(path).function.name"))
        ]
        if let description = try reader.optionalString(function["description"], at: "\(path).function.description") {
            out["description"] = .string(description)
        }
        let schema = try reader.optionalObject(function["parameters"], at: "\(path).function.parameters")
        out["input_schema"] = .object(schema ?? ["type": "object", "properties": [:]])
        return .object(out)
    }
}
