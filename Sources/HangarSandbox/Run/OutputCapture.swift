import Subprocess

/// One output stream, read to its end with at most `limit` bytes kept. The rest is read and dropped, so a
/// chatty command never blocks on a full pipe; reading pulls from the pipe only as fast as it is consumed.
struct OutputCapture: Sendable {
    var bytes: [UInt8] = []
    var truncated = false

    var text: String { String(decoding: bytes, as: UTF8.self) }

    static func collect(_ stream: SubprocessOutputSequence, limit: Int) async throws -> OutputCapture {
        var capture = OutputCapture()
        for try await buffer in stream {
            let room = limit - capture.bytes.count
            if buffer.count > room { capture.truncated = true }
            if room > 0 {
                buffer.withUnsafeBytes { capture.bytes.append(contentsOf: $0.prefix(room)) }
            }
        }
        return capture
    }
}
