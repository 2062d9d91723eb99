public import Foundation
import HangarCore
import Yams

extension DataPolicy {
    /// Reads a policy file by its extension: `.yaml` or `.yml` as YAML, anything else as JSON. Both go through
    /// the same strict reader (unknown keys are errors, paths in messages are `$.models.…`).
    public static func parse(_ data: Data, fileName: String) throws -> DataPolicy {
        let lowered = fileName.lowercased()
        guard lowered.hasSuffix(".yaml") || lowered.hasSuffix(".yml") else { return try parse(data) }
        return try parse(yaml: data)
    }

    /// Reads a YAML policy: the same document as the JSON form, in YAML (Yams parses it; scalars are typed
    /// by the YAML core schema, so `true`, `12` and `null` are what they look like).
    public static func parse(yaml data: Data) throws -> DataPolicy {
        guard data.count <= maximumSize else {
            throw HangarError(.dataPolicyInvalid, "invalid data policy: the file is larger than \(maximumSize) bytes")
        }
        let node: Node?
        do {
            node = try Yams.compose(yaml: String(decoding: data, as: UTF8.self))
        } catch {
            throw HangarError(.dataPolicyInvalid, "invalid data policy: the file is not valid YAML", underlying: error)
        }
        guard let node else { throw HangarError(.dataPolicyInvalid, "invalid data policy: the file is empty") }
        return try parse(PolicyNode(try json(node, depth: 0)))
    }

    /// The YAML node as JSON; aliases are already resolved by the composer. Nesting is capped like JSON's.
    private static func json(_ node: Node, depth: Int) throws -> JSONValue {
        guard depth < 64 else { throw HangarError(.dataPolicyInvalid, "invalid data policy: nested too deeply") }
        switch node {
        case .scalar:
            if node.null != nil { return .null }
            if let flag = node.bool { return .bool(flag) }
            if let integer = node.int { return .int(Int64(integer)) }
            if let number = node.float { return .double(number) }
            return .string(node.string ?? "")
        case .sequence(let sequence):
            return .array(try sequence.map { try json($0, depth: depth + 1) })
        case .mapping(let mapping):
            var object: [String: JSONValue] = [:]
            for (key, value) in mapping {
                guard case .scalar = key, let name = key.string else {
                    throw HangarError(.dataPolicyInvalid, "invalid data policy: every key must be a string")
                }
                guard object[name] == nil else {
                    throw HangarError(
                        .dataPolicyInvalid, "invalid data policy: the key '\(HangarError.echoed(name))' appears twice")
                }
                object[name] = try json(value, depth: depth + 1)
            }
            return .object(object)
        case .alias:
            throw HangarError(.dataPolicyInvalid, "invalid data policy: unresolved YAML alias")
        }
    }
}
