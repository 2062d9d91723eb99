/// How an allowed field is shown. A denied field is not represented at all: for the agent it does not exist.
public enum FieldAccess: Sendable, Hashable {
    /// The value as stored.
    case allow
    /// The value through a mask pattern such as `***-**-{last4}`.
    case mask(pattern: String)
    /// HMAC-SHA256 of the value with the server's key, hex (never an unsalted hash).
    case hash
}
