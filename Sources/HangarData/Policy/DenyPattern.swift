/// A global deny pattern: a glob on column names where `*` matches any run of characters, compared
/// case-insensitively. A column that matches any pattern is never exposed, whatever the policy says for it.
public struct DenyPattern: Sendable, Hashable, CustomStringConvertible {
    /// The patterns that apply to every policy, in addition to the policy's own `global_deny`. They cannot be
    /// switched off: a column such as `tokens_used` that only looks sensitive has to be renamed or exposed
    /// through a view.
    public static let builtIn: [DenyPattern] = [
        "*password*", "*passwd*", "*passphrase*", "*secret*", "*token*", "*api_key*", "*apikey*", "*private_key*",
        "*privatekey*", "*access_key*", "*credential*", "*cvv*",
    ].map { DenyPattern(uncheckedPattern: $0) }

    /// The longest pattern accepted.
    public static let maximumLength = 128

    /// The pattern as written.
    public let pattern: String
    private let pieces: [Substring]

    /// A pattern of 1 to 128 printable characters; nil otherwise.
    public init?(_ pattern: String) {
        guard !pattern.isEmpty, pattern.count <= Self.maximumLength,
            pattern.unicodeScalars.allSatisfy({ $0.properties.isWhitespace == false && $0.value >= 0x20 })
        else { return nil }
        self.init(uncheckedPattern: pattern)
    }

    private init(uncheckedPattern pattern: String) {
        self.pattern = pattern
        pieces = pattern.lowercased().split(separator: "*", omittingEmptySubsequences: false)
    }

    public var description: String { pattern }

    /// Whether `column` matches, ignoring case.
    public func matches(_ column: String) -> Bool {
        var rest = Substring(column.lowercased())
        guard let first = pieces.first, rest.hasPrefix(first) else { return false }
        rest = rest.dropFirst(first.count)
        guard pieces.count > 1 else { return rest.isEmpty }
        for piece in pieces.dropFirst().dropLast() where !piece.isEmpty {
            guard let range = rest.firstRange(of: piece) else { return false }
            rest = rest[range.upperBound...]
        }
        guard let last = pieces.last else { return true }
        return rest.count >= last.count && rest.hasSuffix(last)
    }

    public static func == (lhs: DenyPattern, rhs: DenyPattern) -> Bool { lhs.pattern == rhs.pattern }
    public func hash(into hasher: inout Hasher) { hasher.combine(pattern) }
}
