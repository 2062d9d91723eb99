import Crypto
import Foundation
import HangarCore

/// The secret form of a virtual key, `hk_<key id>_<secret>`: the id finds the key, the secret proves it.
struct KeyToken {
    var id: String
    var secret: String

    static let prefix = "hk_"

    init?(_ text: String) {
        guard text.hasPrefix(Self.prefix) else { return nil }
        let rest = text.dropFirst(Self.prefix.count)
        guard let separator = rest.firstIndex(of: "_") else { return nil }
        let id = rest[..<separator]
        let secret = rest[rest.index(after: separator)...]
        guard id.count == 26, secret.count == 64, secret.allSatisfy(\.isHexDigit) else { return nil }
        self.id = String(id)
        self.secret = String(secret)
    }

    init(id: String) {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        self.id = id
        self.secret = Self.hex(bytes)
    }

    var text: String { "\(Self.prefix)\(id)_\(secret)" }

    var hash: String { Self.hex(SHA256.hash(data: Data(secret.utf8))) }

    /// Compares two hashes in time independent of where they differ.
    static func equal(_ lhs: String, _ rhs: String) -> Bool {
        let left = Array(lhs.utf8)
        let right = Array(rhs.utf8)
        guard left.count == right.count else { return false }
        return zip(left, right).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    private static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
