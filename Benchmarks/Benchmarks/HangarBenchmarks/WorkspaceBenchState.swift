import Foundation
import HangarSandbox
import HangarStore
import HangarWorkspace
import Subprocess
import Synchronization

/// A state directory with a vault `v` imported from a fixture tree of `files` files of `size` bytes in 100
/// directories (`d0/f0` …). Fixture trees are made once and kept in `HANGAR_BENCH_DIR` (or the system temporary
/// directory) across runs, since writing 100,000 files takes a while; the vault import copies them each run.
struct WorkspaceBenchState: Sendable {
    let runtime: WorkspaceRuntime
    let database: BenchDatabase
    let root: String
    let source: String

    static func open(files: Int, size: Int, helper: String) async throws -> WorkspaceBenchState {
        let source = BenchDatabase.sqliteParent.appendingPathComponent("hangar-bench-tree-\(files)x\(size)").path
        try makeTree(at: source, files: files, size: size)
        let root = BenchDatabase.sqliteParent.appendingPathComponent("hangar-bench-ws-\(UUID().uuidString)").path
        let database = try await BenchDatabase.open(.sqlite, projections: .withWorkspaces)
        let runtime = try WorkspaceRuntime(
            configuration: .init(home: root + "/home", helperExecutable: SandboxRunner.helper(near: helper)), storage: database.storage,
            logger: BenchDatabase.quietLogger)
        _ = try await runtime.createVault("v", from: source)
        return WorkspaceBenchState(runtime: runtime, database: database, root: root, source: source)
    }

    func close() async throws {
        try await database.close()
        try? FileManager.default.removeItem(atPath: root)
    }

    /// The same-run baseline for the sandbox's overhead: `unshare` with fresh mount, PID, IPC, UTS and network
    /// namespaces, the workspace's overlay mounted inside, then `/bin/true` — what any sandbox must do at least.
    func rawUnshare(workspace name: String) async throws {
        let workspace = try await runtime.workspace(name)
        let layout = runtime.layout
        let lower = workspace.layers.reversed().map(layout.layer).joined(separator: ":")
        let target = root + "/raw"
        try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
        let options =
            "lowerdir=\(lower),upperdir=\(layout.layer(workspace.upper)),workdir=\(layout.workDirectory(workspace.upper))"
        let result = try await Subprocess.run(
            .name("unshare"),
            arguments: [
                "--mount", "--pid", "--fork", "--ipc", "--uts", "--net", "/bin/sh", "-c",
                "mount -t overlay overlay -o \(options) \(target) && exec /bin/true",
            ],
            output: .discarded, error: .discarded)
        guard result.terminationStatus.isSuccess else {
            throw BenchError("unshare baseline failed: \(result.terminationStatus)")
        }
    }

    /// Reads every file under `directory` to the end.
    static func readAll(_ directory: String) throws {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else {
            throw BenchError("no \(directory)")
        }
        var buffer = [UInt8](repeating: 0, count: 65_536)
        for case let path as String in enumerator {
            let descriptor = Glibc.open(directory + "/" + path, O_RDONLY)
            guard descriptor >= 0 else { continue }
            while Glibc.read(descriptor, &buffer, buffer.count) > 0 {}
            Glibc.close(descriptor)
        }
    }

    private static func makeTree(at path: String, files: Int, size: Int) throws {
        let done = path + "/.complete"
        if FileManager.default.fileExists(atPath: done) { return }
        try? FileManager.default.removeItem(atPath: path)
        let content = Data((0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
        for index in 0..<files {
            let directory = path + "/d\(index % 100)"
            if index < 100 {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            }
            try content.write(to: URL(fileURLWithPath: directory + "/f\(index / 100)"))
        }
        FileManager.default.createFile(atPath: done, contents: Data())
    }
}

/// Hands out 0, 1, 2, … to successive operations.
final class Counter: Sendable {
    private let value = Mutex(0)

    func next() -> Int {
        value.withLock { value in
            defer { value += 1 }
            return value
        }
    }
}
