import Foundation
import HangarCore
import HangarSandbox
import HangarStore
import HangarTesting
import HangarWorkspace
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite("Bad input gets a stable code and changes nothing")
struct BadInputTests {
    /// Everything observable about the runtime's state, to compare before and after a refused call.
    struct Snapshot: Equatable {
        var vaults: [Vault]
        var workspaces: [Workspace]
        var hashes: [String]
        var checkpoints: [String]
    }

    static func snapshot(_ harness: WorkspaceHarness) async throws -> Snapshot {
        let runtime = harness.runtime
        let workspaces = try await runtime.workspaces()
        var hashes = [try await runtime.treeHash(vault: "v")]
        for workspace in workspaces { hashes.append(try await runtime.treeHash(workspace.name)) }
        let checkpoints = try await runtime.checkpoints(of: "w").map(\.name)
        return Snapshot(
            vaults: try await runtime.vaults(), workspaces: workspaces, hashes: hashes, checkpoints: checkpoints)
    }

    @Test("unknown names, bad names, escaping paths, missing checkpoints, missing commands, low limits")
    func refusedCalls() async throws {
        try await WorkspaceHarness.with(policy: try .allowAll) { harness in
            let runtime = harness.runtime
            _ = try await runtime.fork(vault: "v", as: "w")
            _ = try await harness.sh("w", "ln -s /etc/passwd out && ln -s ../../../etc up && echo kept > kept")
            _ = try await runtime.checkpoint("w", as: "c")
            let before = try await Self.snapshot(harness)
            await expectError(.vaultNotFound) { try await runtime.fork(vault: "nope") }
            await expectError(.workspaceNotFound) { try await runtime.exec("nope", ExecRequest(argv: ["true"])) }
            await expectError(.invalidName) { try await runtime.createVault("a/b") }
            await expectError(.invalidName) { try await runtime.createVault("../etc") }
            await expectError(.invalidName) { try await runtime.createVault("-rf") }
            await expectError(.invalidName) { try await runtime.createVault(".hidden") }
            await expectError(.invalidName) { try await runtime.createVault(String(repeating: "a", count: 65)) }
            await expectError(.vaultExists) { try await runtime.createVault("v") }
            await expectError(.workspaceExists) { try await runtime.fork(vault: "v", as: "w") }
            await expectError(.pathEscapesWorkspace) { try await runtime.readFile("w", path: "../../etc/passwd") }
            await expectError(.pathEscapesWorkspace) { try await runtime.readFile("w", path: "/etc/passwd") }
            await expectError(.pathEscapesWorkspace) { try await runtime.readFile("w", path: "out") }
            await expectError(.pathEscapesWorkspace) { try await runtime.readFile("w", path: "up/passwd") }
            await expectError(.pathEscapesWorkspace) {
                try await runtime.writeFile("w", path: "../x", data: Data("x".utf8))
            }
            await expectError(.pathEscapesWorkspace) {
                try await runtime.writeFile("w", path: "out", data: Data("x".utf8))
            }
            await expectError(.checkpointNotFound) { try await runtime.rollback("w", to: "missing") }
            await expectError(.checkpointNotFound) { try await runtime.fork(vault: "v", as: "x", at: "w/missing") }
            await expectError(.commandNotFound) {
                try await runtime.exec("w", ExecRequest(argv: ["definitely-not-a-command"]))
            }
            await expectError(.limitTooLow) {
                try await runtime.exec("w", ExecRequest(argv: ["true"], memoryBytes: 1024))
            }
            await expectError(.pathEscapesWorkspace) {
                try await runtime.exec("w", ExecRequest(argv: ["true"], workingDirectory: "../.."))
            }
            #expect(try await Self.snapshot(harness) == before)
            let execs = try await runtime.storage.read(.init(after: 0, stream: "workspace:w", limit: 100))
                .filter { $0.kind == "workspace.exec" }
            #expect(execs.contains { $0.payload["error"]?.stringValue == "command_not_found" })
            #expect(try await runtime.readFile("w", path: "kept").content == "kept\n")
            #expect(try harness.hostMounts().isEmpty)
            // The process keeps serving.
            #expect(try await harness.sh("w", "cat kept").stdout == "kept\n")
        }
    }

    @Test("a fork of a vault being promoted is refused with vault_busy and changes nothing")
    func forkDuringPromote() async throws {
        try await WorkspaceHarness.with { harness in
            let runtime = harness.runtime
            _ = try await runtime.fork(vault: "v", as: "w")
            let before = try await runtime.workspaces()
            // Hold the vault's lock the way a promote in another process does.
            let descriptor = open(runtime.layout.vaultLock("v"), O_RDWR | O_CREAT, 0o600)
            #expect(descriptor >= 0)
            #expect(flock(descriptor, LOCK_EX) == 0)
            await expectError(.vaultBusy) { try await runtime.fork(vault: "v", as: "during") }
            close(descriptor)
            #expect(try await runtime.workspaces() == before)
            _ = try await runtime.fork(vault: "v", as: "after")
        }
    }
}
