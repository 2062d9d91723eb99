import HangarCore

extension FieldPolicy {
    private static let keys = ["access", "pattern", "filterable", "sortable", "aggregatable", "writable"]
    private static let actions = "allow, deny, mask, hash"

    /// A field: `"allow" | "deny" | "hash"`, or an object with `access` and optional `pattern` and flags.
    static func parse(_ node: PolicyNode) throws -> FieldPolicy {
        if case .string = node.value {
            let action = try node.string()
            if action == "mask" {
                throw node.invalid("mask needs a pattern: {\"access\": \"mask\", \"pattern\": \"***-**-{last4}\"}")
            }
            return FieldPolicy(access: try access(action, pattern: nil, at: node))
        }
        let members = try node.object(allowed: keys)
        guard let accessNode = members["access"] else { throw node.invalid("missing required key 'access'") }
        let action = try accessNode.string()
        let patternNode = members.present("pattern")
        if action != "mask", let patternNode {
            throw patternNode.invalid("a pattern is only allowed with access 'mask'")
        }
        if action == "mask", patternNode == nil { throw node.invalid("missing required key 'pattern'") }
        let access = try access(action, pattern: patternNode, at: accessNode)
        let flags = try ["filterable", "sortable", "aggregatable", "writable"].map { key in
            let flag = try members.present(key)?.bool()
            if access == .deny, flag == true, let flagNode = members[key] {
                throw flagNode.invalid("a denied field cannot be \(key)")
            }
            return flag
        }
        return FieldPolicy(
            access: access, filterable: flags[0], sortable: flags[1], aggregatable: flags[2], writable: flags[3])
    }

    private static func access(_ action: String, pattern: PolicyNode?, at node: PolicyNode) throws -> Access {
        switch action {
        case "allow": return .allow
        case "deny": return .deny
        case "hash": return .hash
        case "mask":
            guard let pattern else { throw node.invalid("missing required key 'pattern'") }
            do {
                return .mask(try MaskPattern(try pattern.string()))
            } catch let error as MaskPatternError {
                throw pattern.invalid(error.problem)
            }
        default:
            throw node.invalid("unknown access '\(HangarError.echoed(action))'; expected one of \(actions)")
        }
    }
}
