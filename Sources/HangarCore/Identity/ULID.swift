import Foundation

/// A ULID: 48 bits of milliseconds since the epoch and 80 random bits, written as 26 Crockford base-32
/// characters that sort by time. Written here because none of the listed packages provides one.
public struct ULID: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let high: UInt64  // 48-bit time, 16 bits of randomness
    public let low: UInt64  // 64 bits of randomness

    private static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ".utf8)

    public init(milliseconds: Int64, random: (UInt16, UInt64)) {
        high = (UInt64(milliseconds) & 0xFFFF_FFFF_FFFF) << 16 | UInt64(random.0)
        low = random.1
    }

    public init(clock: HangarClock = .system) {
        var generator = SystemRandomNumberGenerator()
        self.init(milliseconds: clock.nowMilliseconds(), random: (generator.next(), generator.next()))
    }

    /// Parses the 26-character text form; `nil` when it is not a ULID.
    public init?(string: String) {
        let bytes = Array(string.uppercased().utf8)
        guard bytes.count == 26 else { return nil }
        var value: (UInt64, UInt64) = (0, 0)
        for (index, byte) in bytes.enumerated() {
            guard let digit = Self.alphabet.firstIndex(of: byte) else { return nil }
            // The first character carries only 3 bits (26 * 5 = 130 bits for a 128-bit value).
            if index == 0 && digit > 7 { return nil }
            value = (value.0 << 5 | value.1 >> 59, value.1 << 5 | UInt64(digit))
        }
        high = value.0
        low = value.1
    }

    public var milliseconds: Int64 { Int64(high >> 16) }

    public var description: String {
        var characters = [UInt8](repeating: 0, count: 26)
        var value = (high, low)
        for index in stride(from: 25, through: 0, by: -1) {
            characters[index] = Self.alphabet[Int(value.1 & 31)]
            value = (value.0 >> 5, value.1 >> 5 | value.0 << 59)
        }
        return String(decoding: characters, as: UTF8.self)
    }

    public static func < (lhs: ULID, rhs: ULID) -> Bool { (lhs.high, lhs.low) < (rhs.high, rhs.low) }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = ULID(string: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a ULID"))
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
