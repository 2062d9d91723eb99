import HangarCore

/// A tool call in a scripted reply. `arguments` is the JSON string the model "wrote"; a script may give an
/// object (encoded with sorted keys) or a string (used as is, so a script can send arguments that are not
/// valid JSON).
public struct MockToolCall: Sendable, Hashable {
    /// The call id; `call_<n>` (OpenAI) or `toolu_<n>` (Anthropic) when the script gives none.
    public var id: String?
    public var name: String
    public var arguments: String

    public init(id: String? = nil, name: String, arguments: String) {
        self.id = id
        self.name = name
        self.arguments = arguments
    }

    /// The arguments as Anthropic's `input` object: `{}` when they are not a JSON object.
    var input: JSONValue {
        guard let value = try? JSONValue.parse(arguments), case .object = value else { return .object([:]) }
        return value
    }

    static let keys: Set<String> = ["id", "name", "arguments"]

    init(reading object: ScriptObject) throws {
        guard let name = try object.string("name"), !name.isEmpty else {
            throw object.invalid("'name' is required")
        }
        let arguments: String
        switch object.value("arguments") {
        case nil: arguments = "{}"
        case .string(let text)?: arguments = text
        case .object(let fields)?: arguments = JSONValue.object(fields).canonicalString()
        case let other?: throw object.mismatch("arguments", "a mapping or a string", other)
        }
        self.init(id: try object.string("id"), name: name, arguments: arguments)
    }
}
