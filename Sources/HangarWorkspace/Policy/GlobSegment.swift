/// One `/`-separated segment of a ``PathGlob``.
enum GlobSegment: Sendable, Hashable {
    /// `$WORKSPACE`: replaced by the workspace root's segments before matching.
    case workspaceRoot
    /// `**`: zero or more segments.
    case anyDepth
    /// A pattern for exactly one segment.
    case pattern([Token])

    /// One element of a segment pattern.
    enum Token: Sendable, Hashable {
        case literal(Character)
        /// `*`
        case anyRun
        /// `?`
        case anyOne
        /// `[...]`
        case set(CharacterSet)
    }

    /// The characters a `[...]` class matches.
    struct CharacterSet: Sendable, Hashable {
        var isNegated: Bool
        var ranges: [ClosedRange<Character>]

        func contains(_ character: Character) -> Bool {
            ranges.contains { $0.contains(character) } != isNegated
        }
    }

    /// The reason a segment does not parse.
    struct SyntaxError: Error {
        var message: String
    }

    /// A segment matching exactly `name`.
    static func literal(_ name: String) -> GlobSegment {
        .pattern(name.map(Token.literal))
    }

    init(parsing text: Substring) throws(SyntaxError) {
        if text == "**" {
            self = .anyDepth
            return
        }
        if text.contains("**") {
            throw SyntaxError(message: "'**' must be a whole segment")
        }
        if text == "." || text == ".." {
            throw SyntaxError(message: "'.' and '..' segments are not allowed")
        }
        var tokens: [Token] = []
        var rest = text[...]
        while let character = rest.popFirst() {
            switch character {
            case "*": tokens.append(.anyRun)
            case "?": tokens.append(.anyOne)
            case "\\":
                guard let escaped = rest.popFirst() else {
                    throw SyntaxError(message: "'\\' at the end of the glob")
                }
                tokens.append(.literal(escaped))
            case "[": tokens.append(.set(try Self.parseSet(&rest)))
            default: tokens.append(.literal(character))
            }
        }
        self = .pattern(tokens)
    }

    /// Parses a class after its `[`, consuming the closing `]`. As in POSIX, a `]` right after `[` or `[!` is
    /// a member rather than the end.
    private static func parseSet(_ rest: inout Substring) throws(SyntaxError) -> CharacterSet {
        var set = CharacterSet(isNegated: false, ranges: [])
        if let first = rest.first, first == "!" || first == "^" {
            set.isNegated = true
            rest.removeFirst()
        }
        var isFirst = true
        while let character = rest.popFirst() {
            if character == "]" && !isFirst {
                return set
            }
            isFirst = false
            var lower = character
            if lower == "\\" {
                guard let escaped = rest.popFirst() else { break }
                lower = escaped
            }
            if rest.count >= 2, rest.first == "-", rest.dropFirst().first != "]" {
                rest.removeFirst()
                var upper = rest.removeFirst()
                if upper == "\\" {
                    guard let escaped = rest.popFirst() else { break }
                    upper = escaped
                }
                guard lower <= upper else {
                    throw SyntaxError(message: "the range '\(lower)-\(upper)' is reversed")
                }
                set.ranges.append(lower...upper)
            } else {
                set.ranges.append(lower...lower)
            }
        }
        throw SyntaxError(message: "'[' without a matching ']'")
    }

    /// Whether this single-segment pattern matches `name`. `.workspaceRoot` never matches: it is expanded
    /// before matching; `.anyDepth` is handled by the caller.
    func matches(_ name: Substring) -> Bool {
        switch self {
        case .workspaceRoot, .anyDepth:
            return false
        case .pattern(let tokens):
            return GlobMatcher.matches(tokens, Array(name), isStar: { $0 == .anyRun }) { token, character in
                switch token {
                case .literal(let literal): literal == character
                case .anyOne: character != "/"
                case .set(let set): character != "/" && set.contains(character)
                case .anyRun: false
                }
            }
        }
    }
}
