internal import Foundation

/// The byte encoding of sort-key values inside a cursor (and of binds inside a query digest), and base64url.
/// Each value is a tag byte and its data: integers and reals as 8 big-endian bytes, text and blobs with a
/// 4-byte length.
enum CursorCodec {
    static func append(_ value: DataValue, to bytes: inout [UInt8]) {
        switch value {
        case .null: bytes.append(0)
        case .integer(let value):
            bytes.append(1)
            appendUInt64(UInt64(bitPattern: value), to: &bytes)
        case .real(let value):
            bytes.append(2)
            appendUInt64(value.bitPattern, to: &bytes)
        case .text(let value):
            bytes.append(3)
            appendLengthPrefixed(value.utf8, to: &bytes)
        case .boolean(let value):
            bytes.append(4)
            bytes.append(value ? 1 : 0)
        case .blob(let value):
            bytes.append(5)
            appendLengthPrefixed(value, to: &bytes)
        }
    }

    static func appendLengthPrefixed(_ data: some Collection<UInt8>, to bytes: inout [UInt8]) {
        let count = UInt32(truncatingIfNeeded: data.count)
        for shift in stride(from: 24, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: count >> shift)) }
        bytes.append(contentsOf: data)
    }

    private static func appendUInt64(_ value: UInt64, to bytes: inout [UInt8]) {
        for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: value >> shift)) }
    }

    /// Decodes exactly `count` values filling `bytes`; `nil` for anything malformed.
    static func decode(_ bytes: ArraySlice<UInt8>, count: Int) -> [DataValue]? {
        var values: [DataValue] = []
        var index = bytes.startIndex
        func take(_ length: Int) -> ArraySlice<UInt8>? {
            guard length >= 0, bytes.endIndex - index >= length else { return nil }
            defer { index += length }
            return bytes[index..<index + length]
        }
        func uint(_ length: Int) -> UInt64? {
            take(length)?.reduce(0) { $0 << 8 | UInt64($1) }
        }
        while index < bytes.endIndex {
            guard values.count < count, let tag = take(1)?.first else { return nil }
            switch tag {
            case 0: values.append(.null)
            case 1: guard let raw = uint(8) else { return nil }; values.append(.integer(Int64(bitPattern: raw)))
            case 2: guard let raw = uint(8) else { return nil }; values.append(.real(Double(bitPattern: raw)))
            case 3, 5:
                guard let length = uint(4), let data = take(Int(length)) else { return nil }
                if tag == 3 {
                    guard let text = String(validating: data, as: UTF8.self) else { return nil }
                    values.append(.text(text))
                } else {
                    values.append(.blob(Array(data)))
                }
            case 4:
                guard let flag = take(1)?.first, flag <= 1 else { return nil }
                values.append(.boolean(flag == 1))
            default: return nil
            }
        }
        return values.count == count ? values : nil
    }

    static func base64URL(_ bytes: [UInt8]) -> String {
        var text = Data(bytes).base64EncodedString()
        text = text.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
        while text.hasSuffix("=") { text.removeLast() }
        return text
    }

    static func fromBase64URL(_ text: String) -> [UInt8]? {
        guard text.utf8.allSatisfy({ $0.isBase64URL }) else { return nil }
        var standard = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while standard.utf8.count % 4 != 0 { standard += "=" }
        return Data(base64Encoded: standard).map { [UInt8]($0) }
    }
}

extension UInt8 {
    fileprivate var isBase64URL: Bool {
        (self >= UInt8(ascii: "A") && self <= UInt8(ascii: "Z"))
            || (self >= UInt8(ascii: "a") && self <= UInt8(ascii: "z"))
            || (self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9")) || self == UInt8(ascii: "-")
            || self == UInt8(ascii: "_")
    }
}
