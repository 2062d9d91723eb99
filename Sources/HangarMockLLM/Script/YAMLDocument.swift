import HangarCore
import Yams

/// A YAML (or JSON, which is YAML) document as a `JSONValue`. Scalars are typed by the YAML core schema, so
/// `true`, `12` and `null` are what they look like and a quoted `"12"` stays a string.
enum YAMLDocument {
    static let maximumDepth = 64

    static func parse(_ text: String) throws -> JSONValue {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch {
            throw HangarError(.configInvalid, "invalid mock script: not valid YAML or JSON", underlying: error)
        }
        guard let node else { throw HangarError(.configInvalid, "invalid mock script: the script is empty") }
        return try json(node, path: "$", depth: 0)
    }

    private static func json(_ node: Node, path: String, depth: Int) throws -> JSONValue {
        guard depth < maximumDepth else { throw ScriptObject.invalid("\(path) is nested too deeply") }
        switch node {
        case .scalar:
            if node.null != nil { return .null }
            if let flag = node.bool { return .bool(flag) }
            if let integer = node.int { return .int(Int64(integer)) }
            if let number = node.float { return .double(number) }
            return .string(node.string ?? "")
        case .sequence(let sequence):
            return .array(
                try sequence.enumerated().map { try json($1, path: "\(path)[\($0)]", depth: depth + 1) })
        case .mapping(let mapping):
            var object: [String: JSONValue] = [:]
            for (key, value) in mapping {
                guard case .scalar = key, let name = key.string else {
                    throw ScriptObject.invalid("every key in \(path) must be a string")
                }
                guard object[name] == nil else {
                    throw ScriptObject.invalid("the key '\(name)' appears twice in \(path)")
                }
                object[name] = try json(value, path: "\(path).\(name)", depth: depth + 1)
            }
            return .object(object)
        case .alias:
            throw ScriptObject.invalid("unresolved YAML alias in \(path)")
        }
    }
}
