import HangarCore

/// Identifiers in the vendors' shapes (`chatcmpl-…`, `msg_…`, `call_…`, `toolu_…`), unique per process.
enum MockID {
    /// A ULID, lower-cased: time-ordered and unique.
    static func suffix() -> String { ULID().description.lowercased() }
}
