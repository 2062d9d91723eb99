import Foundation
import HangarCore
import HangarSandbox
import HangarStore
import HangarTesting
import HangarWorkspace
import Testing

@Suite("gc and host mounts")
struct CollectAndMountTests {
    @Test("gc reclaims discarded workspaces and unreferenced layers, and nothing anyone still uses")
    func collect() async throws {
        try await WorkspaceHarness.with { harness in
            let runtime = harness.runtime
            _ = try await runtime.fork(vault: "v", as: "keep")
            _ = try await harness.sh("keep", "echo kept > kept")
            _ = try await runtime.checkpoint("keep", as: "c")
            let discarded = try await runtime.fork(vault: "v", as: "gone")
            _ = try await harness.sh("gone", "echo gone > gone")
            _ = try await runtime.discard("gone")
            _ = try await runtime.rollback("keep", to: "c")
            let keepHash = try await runtime.treeHash("keep")
            let vaultHash = try await runtime.treeHash(vault: "v")
            let report = try await runtime.collectGarbage(grace: .zero)
            #expect(report.workspaces == ["gone"])
            #expect(report.layers >= 2, "the discarded upper and the rolled-back upper")
            #expect(!FileManager.default.fileExists(atPath: runtime.layout.layer(discarded.upper)))
            await expectError(.workspaceNotFound) { try await runtime.workspace("gone") }
            #expect(try await runtime.treeHash("keep") == keepHash)
            #expect(try await runtime.treeHash(vault: "v") == vaultHash)
            #expect(try await runtime.checkpoints(of: "keep").map(\.name) == ["c"])
            // A second pass finds nothing.
            let again = try await runtime.collectGarbage(grace: .zero)
            #expect(again.workspaces == [] && again.layers == 0)
        }
    }

    @Test("a mounted workspace shows its files on the host; commands wait for the unmount")
    func hostMount() async throws {
        try await WorkspaceHarness.with { harness in
            let runtime = harness.runtime
            _ = try await runtime.fork(vault: "v", as: "w")
            _ = try await harness.sh("w", "echo mounted > m")
            let target = harness.home + "/mnt"
            _ = try await runtime.mount("w", at: target)
            #expect(try harness.hostMounts().count == 1)
            #expect(try String(contentsOfFile: target + "/m", encoding: .utf8) == "mounted\n")
            await expectError(.workspaceBusy) { try await harness.sh("w", "true") }
            await expectError(.workspaceBusy) { try await runtime.checkpoint("w") }
            try Data("from host\n".utf8).write(to: URL(fileURLWithPath: target + "/host.txt"))
            _ = try await runtime.unmount("w")
            #expect(try harness.hostMounts().isEmpty)
            #expect(try await runtime.delta("w").added == ["host.txt", "m"])
            #expect(try await harness.sh("w", "cat host.txt").stdout == "from host\n")
        }
    }
}
