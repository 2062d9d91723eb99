public import HangarCore

extension JSONLimits {
    /// The default limits of one tool call's arguments: 256 KiB of canonical JSON, 32 levels of nesting.
    public static let toolArguments = JSONLimits(maxBytes: 256 * 1024, maxDepth: 32)
}
