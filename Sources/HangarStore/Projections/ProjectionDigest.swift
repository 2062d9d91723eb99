import Crypto
import Foundation
import HangarCore

/// SHA-256 over projection tables, row by row in key order, each row as canonical JSON.
struct ProjectionDigest {
    private var hasher = SHA256()

    mutating func begin(_ table: ProjectionTable) {
        hasher.update(data: Data("table \(table.name)\n".utf8))
    }

    mutating func add(_ row: ProjectionRow) {
        let json = JSONValue.array(
            row.map { value in
                switch value {
                case .text(let text): .string(text)
                case .integer(let integer): .int(integer)
                case .null: .null
                }
            })
        hasher.update(data: json.canonicalData())
        hasher.update(data: Data("\n".utf8))
    }

    func finish() -> String {
        hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }
}
