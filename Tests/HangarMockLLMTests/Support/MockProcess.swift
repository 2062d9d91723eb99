import Foundation
import Glibc
import HangarTesting
import Testing

/// The built `hangar` binary running `llm mock …` as a child process. Its output is read without blocking (the
/// pipes are non-blocking and reads wait with `Task.sleep`), so a test never holds a thread of the cooperative
/// pool.
final class MockProcess {
    let process = Process()
    private let output = Pipe()
    private let errors = Pipe()
    private(set) var stdout = ""

    init(_ arguments: [String]) throws {
        process.executableURL = URL(fileURLWithPath: try HangarBinary.path())
        process.arguments = arguments
        process.environment = ["PATH": "/usr/bin:/bin"]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let fd = output.fileHandleForReading.fileDescriptor
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
    }

    deinit {
        if process.isRunning { process.terminate() }
    }

    /// The first line of stdout, waiting up to `timeout` for it.
    func firstLine(timeout: Duration = .seconds(10)) async throws -> String {
        let deadline = ContinuousClock.now + timeout
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !stdout.contains("\n") && ContinuousClock.now < deadline {
            let count = buffer.withUnsafeMutableBytes {
                read(output.fileHandleForReading.fileDescriptor, $0.baseAddress, $0.count)
            }
            if count > 0 {
                stdout += String(decoding: buffer[0..<count], as: UTF8.self)
            } else {
                try await Task.sleep(for: .milliseconds(5))
            }
        }
        return try #require(stdout.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init))
    }

    /// Waits for the process to exit and returns its status, or `nil` if it is still running after `timeout`.
    func exitStatus(within timeout: Duration) async throws -> Int32? {
        let deadline = ContinuousClock.now + timeout
        while process.isRunning {
            guard ContinuousClock.now < deadline else { return nil }
            try await Task.sleep(for: .milliseconds(5))
        }
        return process.terminationStatus
    }

    /// Everything the process wrote to stderr (once it has exited).
    func standardError() -> String {
        String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    }
}
