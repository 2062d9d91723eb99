/// A value bound to a compiled statement's parameter. Agent-supplied values reach the database only as
/// `DataValue` binds, never as SQL text.
public enum DataValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case boolean(Bool)
    case blob([UInt8])
}
