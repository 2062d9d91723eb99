import HangarCore

/// One value of the data policy file with its JSON path, read strictly: every problem is a
/// `data_policy_invalid` naming the path (`$.models.users.fields.ssn.acces`).
struct PolicyNode {
    let value: JSONValue
    let path: String

    init(_ value: JSONValue, path: String = "$") {
        self.value = value
        self.path = path
    }

    /// An error at this node.
    func invalid(_ problem: String) -> HangarError {
        .dataPolicyInvalid(at: path, problem)
    }

    /// The path of `key` below this node: `.key`, or `["odd key"]` for keys that are not identifiers.
    func childPath(_ key: String) -> String {
        let isIdentifier =
            !key.isEmpty && !(key.first?.isNumber ?? false)
            && key.allSatisfy { $0 == "_" || ($0.isASCII && ($0.isLetter || $0.isNumber)) }
        if isIdentifier { return path + "." + key }
        return path + "[\"" + HangarError.echoed(key).replacing("\"", with: "\\\"") + "\"]"
    }

    /// The members of an object, as nodes; any key not in `allowed` is an error (the first in sorted order).
    func object(allowed: [String]? = nil) throws -> [String: PolicyNode] {
        guard case .object(let members) = value else { throw invalid("expected an object") }
        if let allowed {
            if let unknown = members.keys.filter({ !allowed.contains($0) }).sorted().first {
                throw PolicyNode(.null, path: childPath(unknown)).invalid(
                    "unknown key; expected one of \(allowed.joined(separator: ", "))")
            }
        }
        var nodes: [String: PolicyNode] = [:]
        for (key, member) in members { nodes[key] = PolicyNode(member, path: childPath(key)) }
        return nodes
    }

    /// The members of an object in sorted key order, so errors do not depend on hashing.
    func sortedMembers() throws -> [(key: String, node: PolicyNode)] {
        try object().sorted { $0.key < $1.key }.map { (key: $0.key, node: $0.value) }
    }

    func array() throws -> [PolicyNode] {
        guard case .array(let items) = value else { throw invalid("expected an array") }
        return items.enumerated().map { PolicyNode($0.element, path: "\(path)[\($0.offset)]") }
    }

    func string() throws -> String {
        guard case .string(let string) = value else { throw invalid("expected a string") }
        return string
    }

    /// A non-empty name of at most 128 characters without control characters.
    func name() throws -> String {
        let string = try string()
        guard !string.isEmpty, string.count <= 128,
            string.unicodeScalars.allSatisfy({ $0.properties.generalCategory != .control })
        else { throw invalid("expected a name of 1 to 128 characters") }
        return string
    }

    func bool() throws -> Bool {
        guard case .bool(let bool) = value else { throw invalid("expected true or false") }
        return bool
    }

    func int(in range: ClosedRange<Int>) throws -> Int {
        guard case .int(let number) = value, let int = Int(exactly: number), range.contains(int) else {
            throw invalid("expected an integer from \(range.lowerBound) to \(range.upperBound)")
        }
        return int
    }
}

extension [String: PolicyNode] {
    /// The member `key` unless it is absent or `null`.
    func present(_ key: String) -> PolicyNode? {
        guard let node = self[key], node.value != .null else { return nil }
        return node
    }
}
