import Foundation

/// Writes whole lines straight to a file descriptor, one `write(2)` each: nothing sits in a buffer when the
/// process is killed, and lines from concurrent tasks never interleave.
enum StandardOutput {
    static func line(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    static func errorLine(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
