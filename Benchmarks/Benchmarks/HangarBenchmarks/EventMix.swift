import HangarCore
import HangarStore

/// The events the benchmarks write: plain events shaped like the ones the layers log (tool calls, commands,
/// LLM calls), and real lease traffic produced through the lease API.
enum EventMix {
    private static let kinds = ["tool.called", "workspace.command.finished", "llm.call.finished", "memory.written"]

    /// A plain event (no projector reads it) with a payload of about 200 bytes.
    static func plainEvent(worker: Int, index: Int) -> EventDraft {
        EventDraft(
            stream: "run:bench-\(worker)",
            kind: kinds[index % kinds.count],
            actor: "agent-\(worker)",
            payload: [
                "index": .int(Int64(index)),
                "tool": .string("events.read"),
                "args_digest": .string("sha256:9f2c4e0d1b7a3c5e8f6a2b4d0c1e3f5a7b9d8c6e4f2a0b1c3d5e7f9a8b6c4d2e0f"),
                "outcome": .string("ok"),
                "duration_ms": .int(Int64(index % 997)),
                "tokens": ["input": .int(1_200), "output": .int(310)],
            ])
    }

    /// The log the rebuild benchmark replays: `plain` plain events and 20% lease events made by offering
    /// `leases` leases and claiming and releasing them (`cycles` times), interleaved as concurrent traffic
    /// would. Returns the number of events written.
    static func writeMixedLog(
        to storage: any HangarStorage, total: Int = 100_000, leases: Int = 1_000, leaseWorkers: Int = 50
    ) async throws -> Int {
        let leaseEvents = total / 5  // ~20% lease events
        let cycles = (leaseEvents - leases) / 2  // each cycle writes one claim and one release
        let plain = total - leases - 2 * cycles
        let names = (0..<leases).map { "lease-\($0)" }
        try await storage.offerLeases(names, pool: "bench")

        try await withThrowingDiscardingTaskGroup { group in
            group.addTask {
                let batch = 500
                var index = 0
                while index < plain {
                    let count = min(batch, plain - index)
                    try await storage.append((index..<(index + count)).map { plainEvent(worker: $0 % 16, index: $0) })
                    index += count
                }
            }
            // Each lease worker owns a disjoint set of names, so claims never collide.
            for worker in 0..<leaseWorkers {
                let owned = stride(from: worker, to: leases, by: leaseWorkers).map { names[$0] }
                let share = cycles / leaseWorkers + (worker < cycles % leaseWorkers ? 1 : 0)
                group.addTask {
                    for cycle in 0..<share {
                        let lease = try await storage.claimLease(
                            owned[cycle % owned.count], holder: "worker-\(worker)", ttlMilliseconds: 60_000)
                        try await storage.releaseLease(lease)
                    }
                }
            }
        }
        return try await Int(storage.head())
    }
}
