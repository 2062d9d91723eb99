import Foundation

extension JSONEncoder {
    /// The encoder of every JSON response: keys sorted, slashes unescaped, one line.
    static var hangar: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
