import Foundation
import HangarCore

/// Unified diffs of single files.
///
/// This runs GNU `diff -u` rather than a diff written here: its output is the reference for the format (hunk
/// grouping with three lines of context, `\ No newline at end of file` markers), agents and humans read it
/// every day, and a diff is computed only when asked for and only for changed text files, so one short-lived
/// process per file is an acceptable cost.
enum UnifiedDiff {
    /// The tool; `diffutils` is an essential package on Debian, so it is always there.
    static let executable = "/usr/bin/diff"

    /// The unified diff of `old` against `new` (host paths; `nil` is an absent side, shown as `/dev/null`),
    /// labelled `a/<path>` and `b/<path>`. Empty when the contents are equal.
    static func diff(old: String?, new: String?, path: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = [
            "-u",
            "--label", old == nil ? "/dev/null" : "a/\(path)",
            "--label", new == nil ? "/dev/null" : "b/\(path)",
            old ?? "/dev/null",
            new ?? "/dev/null",
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw HangarError(.diffFailed, "cannot run diff for '\(path)'", underlying: error)
        }
        // Read before waiting: a diff larger than the pipe buffer would otherwise block the child forever.
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        // diff exits 0 when the inputs are equal, 1 when they differ, 2 on trouble.
        guard process.terminationReason == .exit, process.terminationStatus <= 1 else {
            throw HangarError(.diffFailed, "diff failed for '\(path)'")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
