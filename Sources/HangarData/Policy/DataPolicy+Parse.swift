public import Foundation
import HangarCore

extension DataPolicy {
    private static let keys = ["version", "models", "global_deny"]
    private static let modelKeys = ["fields", "primary_key", "row_scope", "relations", "writes", "budgets", "_columns"]

    /// Reads a policy file (JSON; see the type's documentation for the format).
    ///
    /// - Throws: `data_policy_invalid` naming the JSON path of the first problem, such as
    ///   `invalid data policy at $.models.users.fields.ssn.acces: unknown key; expected one of access, …`.
    public static func parse(_ data: Data) throws -> DataPolicy {
        guard data.count <= maximumSize else {
            throw HangarError(.dataPolicyInvalid, "invalid data policy: the file is larger than \(maximumSize) bytes")
        }
        let value: JSONValue
        do {
            value = try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            throw HangarError(.dataPolicyInvalid, "invalid data policy: the file is not valid JSON", underlying: error)
        }
        return try parse(PolicyNode(value))
    }

    static func parse(_ root: PolicyNode) throws -> DataPolicy {
        let members = try root.object(allowed: keys)
        guard let versionNode = members["version"] else { throw root.invalid("missing required key 'version'") }
        let version = try versionNode.int(in: 0...Int(Int32.max))
        guard version == Self.version else {
            throw versionNode.invalid("unsupported version \(version); this Hangar reads version \(Self.version)")
        }
        var globalDeny: [DenyPattern] = []
        for node in try members.present("global_deny")?.array() ?? [] {
            guard let pattern = DenyPattern(try node.string()) else {
                throw node.invalid("expected a pattern of 1 to \(DenyPattern.maximumLength) printable characters")
            }
            globalDeny.append(pattern)
        }
        var policy = DataPolicy(models: [:], globalDeny: globalDeny)
        guard let modelsNode = members["models"] else { throw root.invalid("missing required key 'models'") }
        for (name, node) in try modelsNode.sortedMembers() {
            guard !name.isEmpty, name.count <= 128 else {
                throw node.invalid("expected a model name of 1 to 128 characters")
            }
            policy.models[name] = try policy.parseModel(node)
        }
        return policy
    }

    private mutating func parseModel(_ node: PolicyNode) throws -> ModelPolicy {
        let members = try node.object(allowed: Self.modelKeys)
        var model = ModelPolicy()
        model.primaryKey = try members.present("primary_key")?.name()
        if let scope = members.present("row_scope") {
            let scopeMembers = try scope.object(allowed: ["tenant_field", "owner_field", "soft_delete_field"])
            model.rowScope = RowScope(
                tenantField: try scopeMembers.present("tenant_field")?.name(),
                ownerField: try scopeMembers.present("owner_field")?.name(),
                softDeleteField: try scopeMembers.present("soft_delete_field")?.name())
        }
        for (name, fieldNode) in try members.present("fields")?.sortedMembers() ?? [] {
            guard !name.isEmpty, name.count <= 128 else {
                throw fieldNode.invalid("expected a field name of 1 to 128 characters")
            }
            let field = try FieldPolicy.parse(fieldNode)
            if field.access != .deny, let pattern = denyPattern(matching: name) {
                warnings.append("\(fieldNode.path): dropped: matches the global deny pattern '\(pattern)'")
                continue
            }
            if field.access != .deny, let scope = model.rowScope.columns.first(where: { $0.column == name }) {
                warnings.append("\(fieldNode.path): dropped: it is the model's \(scope.role), never exposed")
                continue
            }
            model.fields[name] = field
        }
        for (name, relationNode) in try members.present("relations")?.sortedMembers() ?? [] {
            let relation = try relationNode.object(allowed: ["model", "from", "to", "many", "max_depth"])
            func required(_ key: String) throws -> String {
                guard let value = relation.present(key) else {
                    throw relationNode.invalid("missing required key '\(key)'")
                }
                return try value.name()
            }
            model.relations[name] = RelationPolicy(
                model: try required("model"), from: try required("from"), to: try required("to"),
                many: try relation.present("many")?.bool() ?? false,
                maxDepth: try relation.present("max_depth")?.int(in: 1...RelationPolicy.maximumDepth) ?? 1)
        }
        if let writes = members.present("writes") { model.writes = try WritePolicy.parse(writes) }
        if let budgets = members.present("budgets") { model.budgets = try DataBudgets.parse(budgets) }
        return model
    }
}
