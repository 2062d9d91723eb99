import HangarCore

/// What the rules look at in a parsed request body, whichever endpoint it came to.
protocol ModelCall: Sendable {
    var model: String { get }
    var stream: Bool { get }
    /// The text `contains` is matched against.
    var text: String { get }
}

/// Reading the fields the endpoints share; a missing or mistyped field is a 400 `invalid_request_error`.
extension JSONValue {
    func requiredModel() throws -> String {
        guard let model = self["model"]?.stringValue, !model.isEmpty else {
            throw HangarError(.invalidRequest, "you must provide a model parameter")
        }
        return model
    }

    func requiredMessages() throws -> [JSONValue] {
        guard let messages = self["messages"]?.arrayValue else {
            throw HangarError(.invalidRequest, "'messages' is a required property and must be an array")
        }
        return messages
    }

    func flag(_ key: String) throws -> Bool {
        switch self[key] {
        case nil, .null?: return false
        case .bool(let flag)?: return flag
        case _?: throw HangarError(.invalidRequest, "'\(key)' must be a boolean")
        }
    }

    /// The text of the last message with role `user`: its string content, or its text parts joined by newlines.
    static func lastUserText(_ messages: [JSONValue]) -> String {
        guard let message = messages.last(where: { $0["role"]?.stringValue == "user" }) else { return "" }
        switch message["content"] {
        case .string(let text)?:
            return text
        case .array(let parts)?:
            return parts.compactMap { $0["type"]?.stringValue == "text" ? $0["text"]?.stringValue : nil }
                .joined(separator: "\n")
        default:
            return ""
        }
    }

    /// The byte size of `messages` as compact JSON, which default prompt usage is computed from.
    static func promptBytes(_ messages: [JSONValue]) -> Int {
        JSONValue.array(messages).canonicalData().count
    }
}
