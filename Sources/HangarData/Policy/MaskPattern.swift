/// A mask for a field's values, such as `***-**-{last4}` or `{first1}***@{domain}`.
///
/// A pattern is literal text with placeholders:
/// - `{firstN}`: the first N characters of the value (N from 1 to 32);
/// - `{lastN}`: the last N characters;
/// - `{domain}`: the part of an email address after the last `@`. When the pattern has `{domain}`, `{firstN}`
///   and `{lastN}` apply to the part before the `@`.
///
/// A mask never reveals more than the pattern says: when the value (or the part before the `@`) has no more
/// characters than the placeholders would reveal together, every placeholder becomes `*`s of its own width, and
/// `{domain}` becomes `***` when the value has no `@`. The output's shape therefore says nothing about a short
/// value's length.
public struct MaskPattern: Sendable, Hashable, CustomStringConvertible {
    enum Part: Sendable, Hashable {
        case literal(String)
        case first(Int)
        case last(Int)
        case domain
    }

    /// The longest pattern accepted.
    public static let maximumLength = 128
    /// The largest N in `{firstN}` and `{lastN}`.
    public static let maximumRevealed = 32

    /// The pattern as written.
    public let pattern: String
    let parts: [Part]

    /// Parses `pattern`.
    ///
    /// - Throws: ``MaskPatternError`` for an unknown placeholder, an unmatched brace, an N outside 1...32, a
    ///   repeated `{domain}` or a pattern longer than 128 characters.
    public init(_ pattern: String) throws(MaskPatternError) {
        guard !pattern.isEmpty, pattern.count <= Self.maximumLength else {
            throw MaskPatternError(problem: "a mask pattern has 1 to \(Self.maximumLength) characters")
        }
        var parts: [Part] = []
        var literal = ""
        var rest = Substring(pattern)
        while let character = rest.first {
            rest = rest.dropFirst()
            if character == "}" { throw MaskPatternError(problem: "'}' without '{' in mask pattern") }
            guard character == "{" else {
                literal.append(character)
                continue
            }
            guard let close = rest.firstIndex(of: "}") else {
                throw MaskPatternError(problem: "'{' without '}' in mask pattern")
            }
            let name = rest[..<close]
            rest = rest[rest.index(after: close)...]
            if !literal.isEmpty { parts.append(.literal(literal)) }
            literal = ""
            parts.append(try Self.placeholder(String(name)))
        }
        if !literal.isEmpty { parts.append(.literal(literal)) }
        if parts.filter({ $0 == .domain }).count > 1 {
            throw MaskPatternError(problem: "{domain} appears more than once in mask pattern")
        }
        self.pattern = pattern
        self.parts = parts
    }

    public var description: String { pattern }

    /// `value` through the mask.
    public func apply(to value: String) -> String {
        var local = value
        var domain: String?
        if parts.contains(.domain) {
            if let at = value.lastIndex(of: "@") {
                local = String(value[..<at])
                domain = String(value[value.index(after: at)...])
                if domain?.isEmpty == true { domain = nil }
            } else {
                local = ""
            }
        }
        let characters = Array(local)
        let revealed = parts.reduce(0) { total, part in
            switch part {
            case .first(let count), .last(let count): total + count
            case .literal, .domain: total
            }
        }
        let hidden = characters.count <= revealed
        var output = ""
        for part in parts {
            switch part {
            case .literal(let text): output += text
            case .first(let count):
                output += hidden ? String(repeating: "*", count: count) : String(characters.prefix(count))
            case .last(let count):
                output += hidden ? String(repeating: "*", count: count) : String(characters.suffix(count))
            case .domain: output += domain ?? "***"
            }
        }
        return output
    }

    private static func placeholder(_ name: String) throws(MaskPatternError) -> Part {
        if name == "domain" { return .domain }
        for (prefix, make) in [("first", Part.first), ("last", Part.last)] where name.hasPrefix(prefix) {
            let digits = name.dropFirst(prefix.count)
            guard digits.allSatisfy({ $0.isASCII && $0.isNumber }), let count = Int(digits),
                (1...maximumRevealed).contains(count)
            else { break }
            return make(count)
        }
        throw MaskPatternError(
            problem: "unknown placeholder '{\(name.prefix(32))}' in mask pattern; expected {firstN}, {lastN} "
                + "(N from 1 to \(maximumRevealed)) or {domain}")
    }
}

/// Why a mask pattern was refused.
public struct MaskPatternError: Error, Sendable, Hashable {
    public var problem: String

    public init(problem: String) {
        self.problem = problem
    }
}
