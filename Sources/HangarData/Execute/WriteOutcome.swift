import HangarCore

/// What a write did, as rows of the operator's database: the before-image of the rows it was about to touch,
/// the primary keys it returned, and the after-image of those rows (empty for deletes). Snapshot rows are the
/// primary key followed by ``CompiledWrite/snapshotFields``.
public struct WriteOutcome: Sendable, Hashable {
    public var before: [[DataValue]]
    public var keys: [DataValue]
    public var after: [[DataValue]]

    public init(before: [[DataValue]], keys: [DataValue], after: [[DataValue]]) {
        self.before = before
        self.keys = keys
        self.after = after
    }

    /// Checks a row count against the write's cap; more rows than allowed is `too_many_rows`, thrown inside
    /// the transaction so it rolls back.
    static func check(_ count: Int, against write: CompiledWrite) throws {
        guard count <= write.maxAffectedRows else {
            throw HangarError(
                .tooManyRows, "the write would affect more than \(write.maxAffectedRows) rows (max_affected_rows)")
        }
    }
}
