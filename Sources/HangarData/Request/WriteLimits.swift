/// Bounds on write arguments.
enum WriteLimits {
    /// The longest `reason` accepted, in characters.
    static let maximumReasonLength = 1000
}
