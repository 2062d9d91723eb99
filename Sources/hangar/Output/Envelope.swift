import Foundation
import HangarCore

/// The `--json` envelope: `{"ok":true,"data":…}` or `{"ok":false,"error":{"code":…,"message":…}}`, one line.
enum Envelope {
    static func success(_ data: some Encodable) throws -> String {
        #"{"ok":true,"data":"# + (try encode(data)) + "}"
    }

    static func failure(code: String, message: String) -> String {
        // Two strings always encode.
        let detail =
            (try? encode(["code": code, "message": message])) ?? #"{"code":"internal","message":"internal error"}"#
        return #"{"ok":false,"error":"# + detail + "}"
    }

    static func failure(_ error: HangarError) -> String {
        guard !error.details.isEmpty else { return failure(code: error.code.rawValue, message: error.message) }
        var detail = error.details
        detail["code"] = .string(error.code.rawValue)
        detail["message"] = .string(error.message)
        return #"{"ok":false,"error":"# + JSONValue.object(detail).canonicalString() + "}"
    }

    /// A failure that still carries data, such as an exec the policy held for approval (its token).
    static func failure(_ error: HangarError, data: some Encodable) throws -> String {
        let envelope = failure(error)
        return String(envelope.dropLast()) + #","data":"# + (try encode(data)) + "}"
    }

    /// One line of JSON, keys sorted.
    static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
