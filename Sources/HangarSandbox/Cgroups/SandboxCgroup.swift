import Dispatch
import Glibc
import HangarCore

/// The cgroups of one sandboxed command: `hangar/<exec-id>` in each hierarchy of the machine's hybrid layout
/// (cgroup v1 controllers `memory`, `pids`, `cpu`, and the cgroup2 mount `unified`, which offers `cgroup.kill`).
/// The helper joins them before it forks, so every descendant is accounted, limited and killable as one.
struct SandboxCgroup: Sendable {
    /// The hierarchies used, by directory name under the cgroup root.
    static let hierarchies = ["memory", "pids", "cpu", "unified"]
    /// The helper and the sandbox's init count against the pids limit too.
    static let pidsOverhead = 2
    static let parentName = "hangar"

    /// Hierarchy name → this command's cgroup directory, for the hierarchies present on the machine.
    let directories: [String: String]

    /// The directories the helper must join.
    var memberships: [String] { Self.hierarchies.compactMap { directories[$0] } }

    /// Creates the cgroups and writes the limits. Throws `sandbox_failed` when a requested limit has no
    /// controller on this machine or a control file rejects the value.
    static func create(root: String, id: String, limits: SandboxLimits) throws -> SandboxCgroup {
        var directories: [String: String] = [:]
        for hierarchy in hierarchies where SystemFile.exists("\(root)/\(hierarchy)/cgroup.procs") {
            let parent = "\(root)/\(hierarchy)/\(parentName)"
            do {
                try SystemFile.makeDirectory(parent, mode: 0o755, existingIsFine: true)
                try SystemFile.makeDirectory("\(parent)/\(id)", mode: 0o755)
            } catch {
                SandboxCgroup(directories: directories).removeNow()
                throw HangarError(.sandboxFailed, "the sandbox's cgroups could not be created", underlying: error)
            }
            directories[hierarchy] = "\(parent)/\(id)"
        }
        let cgroup = SandboxCgroup(directories: directories)
        do {
            try cgroup.apply(limits)
        } catch {
            cgroup.removeNow()
            throw error
        }
        return cgroup
    }

    private func apply(_ limits: SandboxLimits) throws {
        if let bytes = limits.memoryBytes {
            let memory = try directory("memory", for: "memory limit")
            try write(String(bytes), "\(memory)/memory.limit_in_bytes")
            // Memory plus swap, so that swapping cannot dodge the limit (absent when swap accounting is off).
            if SystemFile.exists("\(memory)/memory.memsw.limit_in_bytes") {
                try write(String(bytes), "\(memory)/memory.memsw.limit_in_bytes")
            }
        }
        if let pids = limits.pids {
            try write(String(pids + Self.pidsOverhead), "\(try directory("pids", for: "pids limit"))/pids.max")
        }
        if let fraction = limits.cpuFraction {
            let cpu = try directory("cpu", for: "cpu limit")
            let period = SystemFile.read("\(cpu)/cpu.cfs_period_us").flatMap { Int($0.trimmed) } ?? 100_000
            try write(String(max(1000, Int((fraction * Double(period)).rounded()))), "\(cpu)/cpu.cfs_quota_us")
        }
    }

    private func directory(_ hierarchy: String, for limit: String) throws -> String {
        guard let directory = directories[hierarchy] else {
            throw HangarError(.sandboxFailed, "the \(limit) cannot be enforced on this server")
        }
        return directory
    }

    private func write(_ value: String, _ path: String) throws {
        do {
            try SystemFile.write(value, to: path)
        } catch {
            throw HangarError(.sandboxFailed, "a sandbox limit could not be applied", underlying: error)
        }
    }

    /// Kills every process in the tree at once (cgroup2 `cgroup.kill`); a no-op without the unified hierarchy.
    func killAll() {
        guard let unified = directories["unified"] else { return }
        try? SystemFile.write("1", to: "\(unified)/cgroup.kill")
    }

    /// Removes the directories once, ignoring failures; for error paths before anything ran.
    func removeNow() {
        for directory in directories.values { rmdir(directory) }
    }

    /// Removes the directories, killing and retrying for up to a second while a dying process still
    /// occupies one. Returns the directories that could not be removed. Runs to the end in a cancelled task
    /// too: that is exactly when processes are still dying.
    func remove() async -> [String] {
        var remaining = Array(directories.values)
        for attempt in 0..<50 {
            remaining = remaining.filter { rmdir($0) != 0 && errno != ENOENT }
            if remaining.isEmpty { return [] }
            if attempt == 0 { killAll() }
            await Self.pause(milliseconds: 20)
        }
        return remaining
    }
}

extension SandboxCgroup {
    /// Waits without blocking a thread and without reacting to cancellation (unlike `Task.sleep`), so that
    /// clean-up after a cancelled run still waits for the killed processes to leave their cgroups.
    static func pause(milliseconds: Int) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(milliseconds)) {
                continuation.resume()
            }
        }
    }
}

extension String {
    /// Without surrounding whitespace and newlines (cgroup files end with "\n").
    var trimmed: String {
        String(self.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
