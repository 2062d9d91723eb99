import Foundation
import Glibc
import HangarCore
import Testing

/// A plain TCP connection to 127.0.0.1 for live tests that need to see the bytes as they arrive, close the
/// socket mid-stream, or read a response the server cut short. The socket is non-blocking and reads wait with
/// `Task.sleep`, so a test never blocks a thread of the cooperative pool the server's handlers also run on.
final class RawConnection {
    private let fd: Int32
    private(set) var received: [UInt8] = []
    private(set) var closed = false

    init(port: Int) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        try #require(fd >= 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
        try #require(connected, "cannot connect to 127.0.0.1:\(port)")
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
    }

    deinit { close() }

    func send(_ text: String) throws {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            try #require(written > 0 || errno == EAGAIN, "send failed: errno \(errno)")
            if written > 0 { bytes = bytes.dropFirst(written) }
        }
    }

    /// Reads what has arrived until `done` holds for everything received so far, the peer closes, or `timeout`
    /// passes. Returns whether `done` held.
    @discardableResult
    func read(timeout: Duration = .seconds(10), until done: ([UInt8]) -> Bool = { _ in false }) async throws -> Bool {
        let deadline = ContinuousClock.now + timeout
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while !done(received) {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                received.append(contentsOf: buffer[0..<count])
            } else if count == 0 || (errno != EAGAIN && errno != EWOULDBLOCK) {
                closed = true
                return done(received)
            } else {
                guard ContinuousClock.now < deadline else { return false }
                try await Task.sleep(for: .milliseconds(2))
            }
        }
        return true
    }

    /// Reads until the peer closes the connection.
    func readToEnd(timeout: Duration = .seconds(10)) async throws {
        try await read(timeout: timeout)
        #expect(closed, "the server did not close the connection within \(timeout)")
    }

    func close() {
        guard fd >= 0, !closedSocket else { return }
        closedSocket = true
        Glibc.close(fd)
    }

    private var closedSocket = false

    /// The received bytes as text.
    var text: String { String(decoding: received, as: UTF8.self) }
}
