import HangarCore

/// The name of a vault, workspace or checkpoint: 1 to 64 characters of letters, digits, `.`, `_` and `-`,
/// starting with a letter or digit. So a name is always one safe path component: no separators, no `..`, no
/// hidden files, nothing an option parser could take for a flag.
public struct ResourceName: Sendable, Hashable, Codable, CustomStringConvertible {
    public static let maxLength = 64

    public let rawValue: String

    public init(_ rawValue: String, kind: String) throws {
        guard Self.isValid(rawValue) else {
            throw HangarError(
                .invalidName,
                "\(kind) names are 1 to \(Self.maxLength) letters, digits, '.', '_' or '-', starting with a letter or digit"
            )
        }
        self.rawValue = rawValue
    }

    public var description: String { rawValue }

    public static func isValid(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard let first = bytes.first, bytes.count <= maxLength, isAlphanumeric(first) else { return false }
        return bytes.allSatisfy {
            isAlphanumeric($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-")
        }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
