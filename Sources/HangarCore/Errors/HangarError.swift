/// The one error type every Hangar module throws across its public API.
///
/// A `HangarError` carries a stable ``Code`` (what clients match on), a message that is safe to show to a
/// client, and optionally the underlying error, which is kept for logs and never rendered to clients.
/// Mapping a code to an HTTP status, a JSON-RPC code or a process exit code happens once, in
/// ``HangarError/Family``.
public struct HangarError: Error, Sendable, CustomStringConvertible {
    public var code: Code
    /// A message safe to show to a client: no SQL, no server paths, no secrets.
    public var message: String
    /// The error that caused this one, for logs only.
    public var underlying: (any Error)?
    /// Machine-readable facts a client acts on, rendered next to `code` and `message` at every edge: the
    /// `approval_id` of a held write, the `retry_after_seconds` of a rate limit. Safe to show, like `message`.
    public var details: [String: JSONValue]

    public init(
        _ code: Code, _ message: String, underlying: (any Error)? = nil, details: [String: JSONValue] = [:]
    ) {
        self.code = code
        self.message = message
        self.underlying = underlying
        self.details = details
    }

    public var description: String {
        if let underlying {
            return "\(code.rawValue): \(message) (\(underlying))"
        }
        return "\(code.rawValue): \(message)"
    }

    /// Wraps any error as a `HangarError`; errors that are not already one become `internal`.
    public static func wrapping(_ error: any Error) -> HangarError {
        if let error = error as? HangarError { return error }
        return HangarError(.internal, "internal error", underlying: error)
    }
}
