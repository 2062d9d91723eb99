import Benchmark
import Foundation
import HangarStore
import HangarWorkspace
import Subprocess

/// The workspace runtime's figures (issue 3): fork on a 10k- and a 100k-file vault, discard, checkpoint,
/// rollback, the sandbox's overhead for `/bin/true` against a raw `unshare` + overlay mount in the same run, a
/// delta after 170 changes, and reading every file through a mounted workspace against reading it natively.
/// Everything goes through the library (`WorkspaceRuntime`), events included. Needs root (overlayfs, namespaces)
/// and the `hangar` binary for the sandbox helper: `HANGAR_BENCH_HANGAR_BIN`, which scripts/bench sets.
func registerWorkspaceBenchmarks() {
    guard let helper = ProcessInfo.processInfo.environment["HANGAR_BENCH_HANGAR_BIN"], !helper.isEmpty else { return }
    for (files, size) in [(10_000, 10_240), (100_000, 1_024)] {
        workspaceBenchmark(
            "workspace.fork.\(files / 1000)k", files: files, size: size, helper: helper, target: "p50 <= 5 ms"
        ) {
            state, index in
            _ = try await state.runtime.fork(vault: "v", as: "f\(index)")
        }
    }
    workspaceBenchmark(
        "workspace.discard", helper: helper, target: "p50 <= 50 ms",
        prepare: { state, count in
            for index in 0..<count { _ = try await state.runtime.fork(vault: "v", as: "d\(index)") }
        }
    ) { state, index in
        _ = try await state.runtime.discard("d\(index)")
    }
    workspaceBenchmark(
        "workspace.checkpoint", helper: helper, target: "p50 <= 20 ms",
        prepare: { state, count in
            for index in 0..<(count / 10 + 1) { _ = try await state.runtime.fork(vault: "v", as: "c\(index)") }
        }
    ) { state, index in
        _ = try await state.runtime.checkpoint("c\(index / 10)")
    }
    workspaceBenchmark(
        "workspace.rollback", helper: helper, target: "p50 <= 50 ms",
        prepare: { state, _ in
            _ = try await state.runtime.fork(vault: "v", as: "r")
            _ = try await state.runtime.checkpoint("r", as: "base")
        }
    ) { state, _ in
        _ = try await state.runtime.rollback("r", to: "base")
    }
    workspaceBenchmark(
        "workspace.exec.true", helper: helper, target: "<= 2x baseline.unshare.true",
        prepare: { state, _ in
            _ = try await state.runtime.fork(vault: "v", as: "x")
        }
    ) { state, _ in
        let result = try await state.runtime.exec("x", ExecRequest(argv: ["/bin/true"]))
        guard result.exitCode == 0 else { throw BenchError("/bin/true exited \(String(describing: result.exitCode))") }
    }
    workspaceBenchmark(
        "baseline.unshare.true", helper: helper, target: "(baseline)",
        prepare: { state, _ in
            _ = try await state.runtime.fork(vault: "v", as: "u")
        }
    ) { state, _ in
        try await state.rawUnshare(workspace: "u")
    }
    workspaceBenchmark(
        "workspace.delta.170changes", helper: helper, target: "p50 <= 10 ms",
        prepare: { state, _ in
            _ = try await state.runtime.fork(vault: "v", as: "delta")
            let script =
                "for d in $(seq 0 99); do echo more >> d$d/f7; done; for n in $(seq 0 49); do echo n > d$n/new$n; done;"
                + " for d in $(seq 0 19); do rm d$d/f3; done"
            let result = try await state.runtime.exec("delta", ExecRequest(argv: ["/bin/sh", "-c", script]))
            guard result.delta?.added.count == 50, result.delta?.modified.count == 100,
                result.delta?.deleted.count == 20
            else { throw BenchError("unexpected delta \(String(describing: result.delta))") }
        }
    ) { state, _ in
        _ = try await state.runtime.delta("delta")
    }
    for (name, mounted) in [("baseline.read.native", false), ("workspace.read.mounted", true)] {
        workspaceBenchmark(
            name, helper: helper, target: mounted ? "<= 1.3x baseline.read.native" : "(baseline)", iterations: 20,
            prepare: { state, _ in
                if mounted {
                    _ = try await state.runtime.fork(vault: "v", as: "m")
                    _ = try await state.runtime.mount("m", at: state.root + "/mnt")
                }
            }
        ) { state, _ in
            try WorkspaceBenchState.readAll(mounted ? state.root + "/mnt" : state.source)
        } cleanup: { state in
            if mounted { _ = try await state.runtime.unmount("m") }
        }
    }
}

private func workspaceBenchmark(
    _ name: String, files: Int = 10_000, size: Int = 10_240, helper: String, target: String, iterations: Int = 200,
    prepare: @escaping @Sendable (WorkspaceBenchState, Int) async throws -> Void = { _, _ in },
    _ operation: @escaping @Sendable (WorkspaceBenchState, Int) async throws -> Void,
    cleanup: @escaping @Sendable (WorkspaceBenchState) async throws -> Void = { _ in }
) {
    let fixture = Fixture<(WorkspaceBenchState, RoundRunner)>()
    var configuration = RoundMetrics.configuration(
        scalingFactor: .one, maxDuration: .seconds(10), maxIterations: iterations, warmupIterations: 1,
        operationsPerRound: 1, commits: false)
    configuration.tags = ["files": "\(files)"]
    Benchmark(name, configuration: configuration) { benchmark in
        try await fixture.value.1.runRound(benchmark)
    } setup: {
        let state = try await WorkspaceBenchState.open(files: files, size: size, helper: helper)
        try await prepare(state, iterations + 2)
        let counter = Counter()
        let runner = RoundRunner(name: name, workers: 1, operationsPerWorker: 1, unit: "operations") { _ in
            try await operation(state, counter.next())
        }
        fixture.set((state, runner))
    } teardown: {
        guard let (state, runner) = fixture.take() else { return }
        runner.finish(target: target)
        try await cleanup(state)
        try await state.close()
    }
}
