extension SandboxCgroup {
    /// What the kernel counted while the command ran.
    struct Usage: Sendable, Equatable {
        /// Processes the OOM killer killed because the memory limit was reached.
        var oomKills: Int
        /// Forks refused because the pids limit was reached.
        var pidsLimitHits: Int
    }

    /// Reads the counters: `oom_kill` in `memory.oom_control` and `max` in `pids.events`.
    func usage() -> Usage {
        let oom = directories["memory"].flatMap { SystemFile.read("\($0)/memory.oom_control") }
        let pids = directories["pids"].flatMap { SystemFile.read("\($0)/pids.events") }
        return Usage(
            oomKills: oom.flatMap { Self.counter("oom_kill", in: $0) } ?? 0,
            pidsLimitHits: pids.flatMap { Self.counter("max", in: $0) } ?? 0)
    }

    /// The value of `key` in a flat-keyed cgroup file ("key value" per line).
    static func counter(_ key: String, in contents: String) -> Int? {
        for line in contents.split(separator: "\n") {
            let fields = line.split(separator: " ")
            if fields.count == 2, fields[0] == key { return Int(fields[1]) }
        }
        return nil
    }
}
