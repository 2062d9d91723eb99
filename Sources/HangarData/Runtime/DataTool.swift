/// The data tools agents call, by their registry names.
public enum DataTool: String, Sendable, Hashable, CaseIterable {
    case describe = "db.describe"
    case query = "db.query"
    case get = "db.get"
    case aggregate = "db.aggregate"
    case create = "db.create"
    case update = "db.update"
    case delete = "db.delete"
    case bulkUpdate = "db.bulk_update"

    /// The write operation this tool performs; nil for reads.
    public var operation: WritePolicy.Operation? {
        switch self {
        case .describe, .query, .get, .aggregate: nil
        case .create: .create
        case .update: .update
        case .delete: .delete
        case .bulkUpdate: .bulkUpdate
        }
    }

    /// The principal scope the tool needs: ``DataScope/read`` or ``DataScope/write``.
    public var scope: String { operation == nil ? DataScope.read : DataScope.write }
}

/// The principal scopes of the data tools. `*` grants both.
public enum DataScope {
    public static let read = "data:read"
    public static let write = "data:write"
    public static let all = "*"
}

extension Principal {
    /// Whether the principal holds `scope` (or `*`).
    public func holds(_ scope: String) -> Bool {
        scopes.contains(scope) || scopes.contains(DataScope.all)
    }

    /// Whether `model` exists for this principal: a model scoped by tenant needs a principal with a tenant.
    public func sees(_ model: ExposedModel) -> Bool {
        model.tenantColumn == nil || tenant != nil
    }
}
