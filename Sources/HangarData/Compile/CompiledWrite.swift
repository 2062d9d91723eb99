/// A compiled write. For updates and deletes, ``count`` counts the rows the write would touch, under the same
/// scope and filter; the runtime runs it first, in the same transaction, and refuses more than
/// ``maxAffectedRows`` with `too_many_rows`.
public struct CompiledWrite: Sendable, Hashable {
    public var statement: CompiledStatement
    public var count: CompiledStatement?
    public var maxAffectedRows: Int
}
