/// What writes a model allows.
public struct WritePolicy: Sendable, Hashable {
    public enum Operation: String, Sendable, Hashable, Codable, CaseIterable {
        case create, update, delete, bulkUpdate = "bulk_update"
    }

    public var operations: Set<Operation>
    /// Fields that may be read but never written (canonical names).
    public var readOnlyFields: Set<String>
    public var maxAffectedRows: Int
    public var requireReason: Bool
    public var requireApproval: Bool

    public init(
        operations: Set<Operation> = [], readOnlyFields: Set<String> = [], maxAffectedRows: Int = 1,
        requireReason: Bool = false, requireApproval: Bool = false
    ) {
        self.operations = operations
        self.readOnlyFields = readOnlyFields
        self.maxAffectedRows = maxAffectedRows
        self.requireReason = requireReason
        self.requireApproval = requireApproval
    }
}
