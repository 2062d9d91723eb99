internal import Crypto
internal import Foundation
public import HangarCore
import Synchronization

/// Turns result rows into the objects a tool returns, applying each field's ``FieldAccess``: `allow` as
/// stored, `mask` through its ``MaskPattern``, `hash` as hex HMAC-SHA256 under the server's key. Null stays
/// null; blobs are base64; booleans stored as integers (SQLite) are read by the field's ``ColumnType``.
public struct ResultShaper: Sendable {
    private let hashKey: SymmetricKey
    /// Parsed mask patterns by their text: a pattern is parsed once, not for every result.
    private let masks = MaskCache()

    /// - Parameter hashKey: the server's secret for `hash` fields (at least 32 random bytes).
    public init(hashKey: [UInt8]) {
        self.hashKey = SymmetricKey(data: hashKey)
    }

    /// `rows` as objects keyed by `fields`' names; result columns after the last field (sort keys for the
    /// cursor) are dropped.
    ///
    /// - Throws: `data_policy_invalid` when a field's mask pattern does not parse.
    public func shape(_ rows: [[DataValue]], fields: [ExposedField]) throws -> [[String: JSONValue]] {
        let masks = try fields.map { field -> MaskPattern? in
            guard case .mask(let pattern) = field.access else { return nil }
            return try self.masks.pattern(pattern, field: field.name)
        }
        return rows.map { row in
            var object: [String: JSONValue] = [:]
            object.reserveCapacity(fields.count)
            for (index, field) in fields.enumerated() {
                let value = index < row.count ? row[index] : .null
                object[field.name] = shape(value, field: field, mask: masks[index])
            }
            return object
        }
    }

    /// One value, shaped for `field`.
    func shape(_ value: DataValue, field: ExposedField, mask: MaskPattern?) -> JSONValue {
        let plain = Self.json(value, type: field.type)
        switch field.access {
        case .allow:
            return plain
        case .mask:
            guard case .string(let text) = Self.json(Self.text(value), type: .text), let mask else { return plain }
            return .string(mask.apply(to: text))
        case .hash:
            guard value != .null else { return .null }
            let code = HMAC<SHA256>.authenticationCode(for: Array(Self.text(value).utf8Bytes), using: hashKey)
            return .string(Self.hex(code))
        }
    }

    /// Lower-case hex, written by hand: `String(format:)` per byte costs more than the HMAC itself.
    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The value as the agent sees it when allowed.
    static func json(_ value: DataValue, type: ColumnType) -> JSONValue {
        switch value {
        case .null: .null
        case .integer(let integer): type == .boolean ? .bool(integer != 0) : .int(integer)
        case .real(let real): .double(real)
        case .text(let text): .string(text)
        case .boolean(let flag): .bool(flag)
        case .blob(let bytes): .string(Data(bytes).base64EncodedString())
        }
    }

    /// The value as text, for masks and hashes: the same for a value on SQLite and on PostgreSQL.
    static func text(_ value: DataValue) -> DataValue {
        switch value {
        case .null, .text: value
        case .integer(let integer): .text(String(integer))
        case .real(let real): .text(String(real))
        case .boolean(let flag): .text(flag ? "true" : "false")
        case .blob(let bytes): .text(Data(bytes).base64EncodedString())
        }
    }
}

extension DataValue {
    /// The UTF-8 bytes of a text value; empty for anything else.
    fileprivate var utf8Bytes: [UInt8] {
        if case .text(let text) = self { return Array(text.utf8) }
        return []
    }
}

/// Mask patterns parsed once per text, shared by every copy of a ``ResultShaper``.
private final class MaskCache: Sendable {
    private let patterns = Mutex<[String: MaskPattern]>([:])

    func pattern(_ text: String, field: String) throws -> MaskPattern {
        if let pattern = patterns.withLock({ $0[text] }) { return pattern }
        let pattern: MaskPattern
        do { pattern = try MaskPattern(text) } catch {
            throw HangarError(.dataPolicyInvalid, "invalid mask pattern for field '\(field)'")
        }
        patterns.withLock { $0[text] = pattern }
        return pattern
    }
}
