import HangarCore

/// Redacts the values an audit event must not keep from a data call's arguments: every value compared with
/// or written to a field that is not plainly allowed (masked, hashed, hidden or unknown), the cursor, and
/// anything under a key the tool does not know. Names stay, so the operator sees what was asked for.
enum AuditRedaction {
    static let marker: JSONValue = "[redacted]"
    /// Filters nested deeper than this are cut off (the call itself was refused long before).
    static let maximumDepth = 16

    static let plainKeys: Set<String> = [
        "model", "select", "order_by", "limit", "op", "field", "group_by", "include", "id", "reason",
    ]

    static func redact(_ arguments: JSONValue, model: ExposedModel?) -> JSONValue {
        guard case .object(let object) = arguments else { return marker }
        var result: [String: JSONValue] = [:]
        for (key, value) in object {
            switch key {
            case _ where plainKeys.contains(key): result[key] = value
            case "data": result[key] = redactData(value, model: model)
            case "where": result[key] = redactFilter(value, model: model, depth: 0)
            default: result[key] = marker
            }
        }
        return .object(result)
    }

    /// Whether `name` is a field of `model` the agent sees in plain text.
    private static func isPlain(_ name: String, model: ExposedModel?) -> Bool {
        guard let field = model?.fields[name], field.name.isBytewise(name) else { return false }
        return field.access == .allow
    }

    private static func redactData(_ value: JSONValue, model: ExposedModel?) -> JSONValue {
        guard case .object(let data) = value else { return marker }
        var result: [String: JSONValue] = [:]
        for (name, value) in data { result[name] = isPlain(name, model: model) ? value : marker }
        return .object(result)
    }

    private static func redactFilter(_ value: JSONValue, model: ExposedModel?, depth: Int) -> JSONValue {
        guard depth < maximumDepth else { return marker }
        switch value {
        case .object(let object):
            var result: [String: JSONValue] = [:]
            for (key, child) in object {
                switch key {
                case "and", "or", "not":
                    result[key] = redactFilter(child, model: model, depth: depth + 1)
                default:
                    result[key] = isPlain(key, model: model) ? child : marker
                }
            }
            return .object(result)
        case .array(let items):
            return .array(items.map { redactFilter($0, model: model, depth: depth + 1) })
        default:
            return marker
        }
    }
}
