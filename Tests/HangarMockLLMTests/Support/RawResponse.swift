import Foundation
import HangarCore
import Testing

/// An HTTP/1.1 response parsed from raw bytes; a chunked body is decoded as far as it goes, and `complete`
/// says whether its last chunk arrived (a cut stream has no last chunk).
struct RawResponse {
    var status: Int
    var headers: [String: String]
    var body: [UInt8]
    var complete: Bool

    var text: String { String(decoding: body, as: UTF8.self) }

    func json() throws -> JSONValue { try JSONValue.parse(Data(body)) }

    init(_ bytes: [UInt8]) throws {
        let separator = Array("\r\n\r\n".utf8)
        let end = try #require(bytes.firstRange(of: separator), "no end of headers in \(bytes.count) bytes")
        let lines = String(decoding: bytes[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let statusLine = lines[0].split(separator: " ")
        status = Int(statusLine[1]) ?? 0
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(
                in: .whitespaces)
        }
        self.headers = headers
        let rest = Array(bytes[end.upperBound...])
        if headers["transfer-encoding"] == "chunked" {
            (body, complete) = Self.dechunk(rest)
        } else {
            let length = Int(headers["content-length"] ?? "") ?? rest.count
            body = Array(rest.prefix(length))
            complete = rest.count >= length
        }
    }

    /// Whether `bytes` hold a whole response (used to stop reading on a kept-alive connection).
    static func isComplete(_ bytes: [UInt8]) -> Bool {
        (try? RawResponse(bytes))?.complete ?? false
    }

    private static func dechunk(_ bytes: [UInt8]) -> ([UInt8], Bool) {
        var body: [UInt8] = []
        var index = 0
        let crlf = Array("\r\n".utf8)
        while let lineEnd = bytes[index...].firstRange(of: crlf) {
            let sizeText = String(decoding: bytes[index..<lineEnd.lowerBound], as: UTF8.self)
            guard let size = Int(sizeText.split(separator: ";")[0], radix: 16) else { return (body, false) }
            if size == 0 { return (body, true) }
            let start = lineEnd.upperBound
            guard start + size <= bytes.count else {
                body.append(contentsOf: bytes[start...])
                return (body, false)
            }
            body.append(contentsOf: bytes[start..<start + size])
            index = start + size + 2
            guard index <= bytes.count else { return (body, false) }
        }
        return (body, false)
    }
}
