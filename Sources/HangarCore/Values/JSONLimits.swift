public import Foundation

/// Size and nesting limits applied to JSON before it is decoded.
public struct JSONLimits: Sendable, Equatable {
    public var maxBytes: Int
    public var maxDepth: Int

    public init(maxBytes: Int, maxDepth: Int) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
    }

    public static let `default` = JSONLimits(maxBytes: 1 << 20, maxDepth: 64)

    /// Refuses data past the byte limit (`payload_too_large`) or nested deeper than the depth limit
    /// (`invalid_json`). The depth scan is written here because Foundation's decoders only stop at their own
    /// fixed depth, after recursing; this is one linear pass that skips string contents.
    public func check(_ data: Data) throws {
        if data.count > maxBytes {
            throw HangarError(.payloadTooLarge, "the JSON body is larger than \(maxBytes) bytes")
        }
        var depth = 0
        var inString = false
        var escaped = false
        for byte in data {
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                if depth > maxDepth {
                    throw HangarError(.invalidJSON, "the JSON body is nested deeper than \(maxDepth) levels")
                }
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
            default: break
            }
        }
    }
}
