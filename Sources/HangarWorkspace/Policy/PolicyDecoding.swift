/// The strict decoding shared by the policy file's objects: unknown keys are errors, and every error names the
/// JSON path of the value at fault (`$.rules[2].action`).
enum PolicyDecoding {
    /// A coding key for any name or index.
    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int?

        init(_ name: String) {
            stringValue = name
            intValue = nil
        }

        init?(stringValue: String) { self.init(stringValue) }

        init(index: Int) {
            stringValue = String(index)
            intValue = index
        }

        init?(intValue: Int) { self.init(index: intValue) }
    }

    /// Throws `dataCorrupted` at the first key of the object being decoded that is not in `allowed`, in sorted
    /// order so the report does not depend on hashing.
    static func rejectUnknownKeys(_ decoder: any Decoder, allowed: [String]) throws {
        let container = try decoder.container(keyedBy: Key.self)
        let unknown = container.allKeys.map(\.stringValue).filter { !allowed.contains($0) }.sorted()
        guard let first = unknown.first else { return }
        throw DecodingError.dataCorrupted(
            DecodingError.Context(
                codingPath: container.codingPath + [Key(first)],
                debugDescription: "unknown key; expected one of \(allowed.joined(separator: ", "))"
            )
        )
    }

    /// An error at `codingPath` with `message`.
    static func invalid(_ codingPath: [any CodingKey], _ message: String) -> DecodingError {
        .dataCorrupted(DecodingError.Context(codingPath: codingPath, debugDescription: message))
    }

    /// `codingPath` as a JSON path: `$`, then `.name` or `["odd name"]` for keys and `[n]` for indices.
    static func path(_ codingPath: [any CodingKey]) -> String {
        var path = "$"
        for key in codingPath {
            if let index = key.intValue {
                path += "[\(index)]"
            } else if isIdentifier(key.stringValue) {
                path += "." + key.stringValue
            } else {
                path += "[\(PolicyText.quoted(key.stringValue))]"
            }
        }
        return path
    }

    /// A message for `error` that is safe to show: the JSON path and what is wrong there.
    static func message(for error: DecodingError) -> String {
        switch error {
        case .typeMismatch(let type, let context):
            return "invalid exec policy at \(path(context.codingPath)): expected \(describe(type))"
        case .valueNotFound(let type, let context):
            return "invalid exec policy at \(path(context.codingPath)): expected \(describe(type)), found null"
        case .keyNotFound(let key, let context):
            return "invalid exec policy at \(path(context.codingPath + [key])): missing required key"
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            return "invalid exec policy: the file is not valid JSON"
        case .dataCorrupted(let context):
            return "invalid exec policy at \(path(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            return "invalid exec policy"
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Bool.Type: return "true or false"
        case is Int.Type: return "an integer"
        case is PolicyAction.Type: return "an action (a string)"
        case is PathGlob.Type: return "a glob (a string)"
        default:
            let name = String(describing: type)
            if name.hasPrefix("Array") || name.hasPrefix("[") && !name.contains(":") { return "an array" }
            if name.hasPrefix("Dictionary") || name.hasPrefix("[") { return "an object" }
            return "a value of another type"
        }
    }

    private static func isIdentifier(_ name: String) -> Bool {
        !name.isEmpty && !(name.first?.isNumber ?? false)
            && name.allSatisfy { $0 == "_" || ($0.isASCII && ($0.isLetter || $0.isNumber)) }
    }
}
