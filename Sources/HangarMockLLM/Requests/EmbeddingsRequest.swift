import HangarCore

/// A `POST /v1/embeddings` body: `input` is a string or a list of strings; `encoding_format` is `float` (the
/// default) or `base64`; `dimensions`, when given, overrides the script's.
struct EmbeddingsRequest: ModelCall {
    let model: String
    let inputs: [String]
    let base64: Bool
    let dimensions: Int?

    var stream: Bool { false }
    var text: String { inputs.joined(separator: "\n") }

    init(_ body: JSONValue) throws {
        model = try body.requiredModel()
        switch body["input"] {
        case .string(let input)?:
            inputs = [input]
        case .array(let items)? where !items.isEmpty && items.allSatisfy({ $0.stringValue != nil }):
            inputs = items.compactMap(\.stringValue)
        default:
            throw HangarError(.invalidRequest, "'input' must be a string or a non-empty array of strings")
        }
        switch body["encoding_format"] {
        case nil, .null?, .string("float")?: base64 = false
        case .string("base64")?: base64 = true
        default: throw HangarError(.invalidRequest, "'encoding_format' must be 'float' or 'base64'")
        }
        switch body["dimensions"] {
        case nil, .null?:
            dimensions = nil
        case let value?:
            guard let count = value.intValue, (1...4096).contains(count) else {
                throw HangarError(.invalidRequest, "'dimensions' must be an integer from 1 to 4096")
            }
            dimensions = Int(count)
        }
    }

    /// A quarter of the inputs' UTF-8 bytes, rounded up.
    var promptBytes: Int { inputs.reduce(0) { $0 + $1.utf8.count } }
}
