public import HangarCore

/// A glob over absolute paths, as exec policies write them in `paths`.
///
/// Syntax:
/// - `*` matches any run of characters within one segment (never `/`); `?` matches one character other than
///   `/`; `[abc]`, `[a-z]` and `[!abc]` (or `[^abc]`) match one character of a class; `\` makes the next
///   character literal.
/// - `**` as a whole segment matches zero or more segments, so `/tmp/**` matches `/tmp` itself and everything
///   below it. `**` inside a longer segment is an error.
/// - A glob is absolute: it starts with `/`, or with `$WORKSPACE`, which stands for the request's workspace
///   root (`$WORKSPACE/**` is the whole workspace).
/// - A leading `!` makes the glob an exclusion in a rule's `paths` list (see ``PolicyRule/paths``).
/// - `.` and `..` segments are errors; empty segments (`//`, a trailing `/`) are ignored.
///
/// Paths are matched after lexical normalization (see ``LexicalPath``); matching is case-sensitive.
public struct PathGlob: Sendable, Hashable, CustomStringConvertible {
    /// The glob as written, including a leading `!`.
    public let pattern: String
    /// Whether the glob was written with a leading `!`.
    public let isExclusion: Bool
    private let segments: [GlobSegment]

    /// Compiles `pattern`, throwing `policy_invalid` with a message that says what is wrong with it.
    public init(_ pattern: String) throws(HangarError) {
        self.pattern = pattern
        var body = Substring(pattern)
        isExclusion = body.first == "!"
        if isExclusion { body = body.dropFirst() }
        var segments: [GlobSegment] = []
        if body.hasPrefix(Self.workspaceVariable) {
            body = body.dropFirst(Self.workspaceVariable.count)
            guard body.isEmpty || body.first == "/" else {
                throw Self.invalid(pattern, "\(Self.workspaceVariable) must be followed by '/' or end the glob")
            }
            segments.append(.workspaceRoot)
        } else if body.first != "/" {
            throw Self.invalid(pattern, "a glob must start with '/' or \(Self.workspaceVariable)")
        }
        for piece in body.split(separator: "/", omittingEmptySubsequences: true) {
            do {
                segments.append(try GlobSegment(parsing: piece))
            } catch {
                throw Self.invalid(pattern, error.message)
            }
        }
        self.segments = segments
    }

    /// Whether the absolute path `path` matches, after normalizing it lexically. `$WORKSPACE` stands for
    /// `workspaceRoot`. Exclusion is not applied here: an exclusion glob matches the paths it excludes.
    public func matches(_ path: String, workspaceRoot: String = "/workspace") -> Bool {
        let names = LexicalPath.segments(of: LexicalPath.resolve(path))
        var expanded: [GlobSegment] = []
        for segment in segments {
            if case .workspaceRoot = segment {
                let root = LexicalPath.segments(of: LexicalPath.resolve(workspaceRoot))
                expanded.append(contentsOf: root.map { GlobSegment.literal(String($0)) })
            } else {
                expanded.append(segment)
            }
        }
        return GlobMatcher.matches(expanded, names, isStar: { $0 == .anyDepth }) { segment, name in
            segment.matches(name)
        }
    }

    public var description: String { pattern }

    public static func == (lhs: PathGlob, rhs: PathGlob) -> Bool { lhs.pattern == rhs.pattern }
    public func hash(into hasher: inout Hasher) { hasher.combine(pattern) }

    /// The variable that stands for the workspace root at the start of a glob.
    public static let workspaceVariable = "$WORKSPACE"

    private static func invalid(_ pattern: String, _ problem: String) -> HangarError {
        HangarError(.policyInvalid, "bad glob \(PolicyText.quoted(pattern)): \(problem)")
    }
}

extension PathGlob: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let pattern = try container.decode(String.self)
        do {
            try self.init(pattern)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.message)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(pattern)
    }
}
