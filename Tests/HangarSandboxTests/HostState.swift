import Foundation
import Glibc

@testable import HangarSandbox

/// What the host looks like from the test process: its mount table, cgroups and processes.
enum HostState {
    /// Mount points in this process's mount table (field 5 of /proc/self/mountinfo).
    static func mountPoints() -> [String] {
        let table = (try? String(contentsOfFile: "/proc/self/mountinfo", encoding: .utf8)) ?? ""
        return table.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: " ")
            return fields.count > 4 ? String(fields[4]) : nil
        }
    }

    /// `hangar/<pid>-…` cgroup directories created by this test process, in any hierarchy.
    static func sandboxCgroupsOfThisProcess() -> [String] {
        SandboxCgroup.hierarchies.flatMap { hierarchy in
            let parent = "/sys/fs/cgroup/\(hierarchy)/hangar"
            return SystemFile.entries(of: parent).filter { $0.hasPrefix("\(getpid())-") }.map { "\(parent)/\($0)" }
        }
    }

    /// Pids of live (non-zombie) processes whose command line is exactly `argv`.
    static func processes(withArguments argv: [String]) -> [Int32] {
        let wanted = Array(argv.joined(separator: "\0").utf8) + [0]
        return SystemFile.entries(of: "/proc").compactMap { Int32($0) }.filter { pid in
            guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return false }
            return Array(data) == wanted
        }
    }

    /// Polls until no process has command line `argv`, for at most `limit`. Returns the survivors.
    static func waitUntilGone(_ argv: [String], within limit: Duration) async -> [Int32] {
        let deadline = ContinuousClock.now + limit
        var survivors = processes(withArguments: argv)
        while !survivors.isEmpty && ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(20))
            survivors = processes(withArguments: argv)
        }
        return survivors
    }
}
