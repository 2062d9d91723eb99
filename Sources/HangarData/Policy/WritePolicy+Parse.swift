extension WritePolicy {
    private static let keys = ["operations", "read_only", "max_affected_rows", "require_reason", "require_approval"]
    /// The largest `max_affected_rows` a policy may set.
    public static let maximumAffectedRows = 10_000

    /// The `writes` object of a model.
    static func parse(_ node: PolicyNode) throws -> WritePolicy {
        let members = try node.object(allowed: keys)
        var writes = WritePolicy()
        for operationNode in try members.present("operations")?.array() ?? [] {
            let name = try operationNode.string()
            guard let operation = Operation(rawValue: name) else {
                let names = Operation.allCases.map(\.rawValue).joined(separator: ", ")
                throw operationNode.invalid("unknown operation; expected one of \(names)")
            }
            guard writes.operations.insert(operation).inserted else {
                throw operationNode.invalid("duplicate operation '\(name)'")
            }
        }
        for fieldNode in try members.present("read_only")?.array() ?? [] {
            writes.readOnlyFields.insert(try fieldNode.name())
        }
        if let rows = members.present("max_affected_rows") {
            writes.maxAffectedRows = try rows.int(in: 1...maximumAffectedRows)
        }
        writes.requireReason = try members.present("require_reason")?.bool() ?? false
        writes.requireApproval = try members.present("require_approval")?.bool() ?? false
        return writes
    }
}
