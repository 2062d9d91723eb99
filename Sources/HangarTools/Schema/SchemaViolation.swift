/// The first place where a JSON document breaks its schema: where (a JSON pointer into the document), which
/// keyword it broke, and a message safe to show to the caller.
///
/// A tool call with bad arguments fails with a `HangarError` of code `invalid_arguments` whose message is
/// ``description`` (`/limit: must be <= 1000`) and whose ``HangarError/schemaViolation`` is this value, so
/// edges can report the pointer as a field of its own.
public struct SchemaViolation: Error, Sendable, Hashable, CustomStringConvertible {
    /// An RFC 6901 JSON pointer to the offending value; `""` is the whole document. For a missing required
    /// property it points at where the property should be (`/stream`).
    public var pointer: String
    /// The schema keyword that failed (`maximum`, `required`, `type`), or `maxDepth` / `maxBytes` for the
    /// document limits.
    public var keyword: String
    /// What is wrong, without the pointer: `must be <= 1000`.
    public var message: String

    public init(pointer: String, keyword: String, message: String) {
        self.pointer = pointer
        self.keyword = keyword
        self.message = message
    }

    /// `<pointer>: <message>`, with the whole document written as `(root)`.
    public var description: String {
        "\(pointer.isEmpty ? "(root)" : pointer): \(message)"
    }
}
