/// A compiled write, run by ``DataExecutor/write(_:principal:timeout:after:)`` in one transaction:
///
/// 1. ``before`` (updates and deletes) selects the rows the write would touch, under the same scope and filter,
///    with the primary key first and then ``snapshotFields``; it asks for one row more than ``maxAffectedRows``
///    (and locks the rows on PostgreSQL), so more rows than allowed is `too_many_rows` before anything changes.
/// 2. ``statement`` writes and returns the primary keys of the rows it wrote (`RETURNING`); more keys than
///    ``maxAffectedRows`` (rows that appeared since step 1) rolls the transaction back with `too_many_rows`.
/// 3. When ``snapshotsAfter`` is set, the rows with those keys are read again for the audit's after-image.
public struct CompiledWrite: Sendable, Hashable {
    public var statement: CompiledStatement
    public var before: CompiledStatement?
    /// The fields of each snapshot row after its primary key: every exposed field, in the model's order.
    public var snapshotFields: [ExposedField]
    public var maxAffectedRows: Int
    /// Whether the written rows still exist and are read back (create, update), or not (delete).
    public var snapshotsAfter: Bool
}
