import Foundation
import HangarCore
import HangarSandbox
import HangarStore
import HangarTesting
import HangarWorkspace
import Testing

@Suite("Checkpoints and rollback")
struct CheckpointTests {
    @Test(
        "checkpoint, rm -rf ./* plus garbage, rollback: the tree hash equals the checkpoint's",
        arguments: StorageKind.allCases)
    func rollbackRestoresTheTree(kind: StorageKind) async throws {
        try await WorkspaceHarness.with(kind, policy: try .allowAll) { harness in
            let runtime = harness.runtime
            _ = try await runtime.fork(vault: "v", as: "w")
            _ = try await harness.sh("w", "echo one > new.txt; chmod 600 f")
            let checkpoint = try await runtime.checkpoint("w", as: "c1")
            let atCheckpoint = try await runtime.treeHash("w")
            #expect(try await runtime.treeHash("w", checkpoint: "c1") == atCheckpoint)
            let wreck = try await harness.sh(
                "w", "rm -rf ./* && mkdir -p junk/deep && head -c 100000 /dev/urandom > junk/deep/bin && ln -s /etc x")
            #expect(wreck.ran && wreck.exitCode == 0, "\(wreck.stderr)")
            #expect(try await runtime.treeHash("w") != atCheckpoint)
            let (workspace, target) = try await runtime.rollback("w", to: "c1")
            #expect(target?.name == checkpoint.name)
            #expect(workspace.layers == checkpoint.layers)
            #expect(try await runtime.treeHash("w") == atCheckpoint)
            #expect(try await runtime.delta("w").isEmpty)
        }
    }

    @Test("rollback to an older checkpoint drops the later ones; default names are unique to the millisecond")
    func rollbackDropsLaterCheckpoints() async throws {
        try await WorkspaceHarness.with { harness in
            let runtime = harness.runtime
            _ = try await runtime.fork(vault: "v", as: "w")
            let first = try await runtime.checkpoint("w")
            _ = try await harness.sh("w", "echo 2 > two")
            let second = try await runtime.checkpoint("w")
            #expect(first.name != second.name)
            _ = try await harness.sh("w", "echo 3 > three")
            _ = try await runtime.checkpoint("w", as: "third")
            _ = try await runtime.rollback("w", to: first.name)
            #expect(try await runtime.checkpoints(of: "w").map(\.name) == [first.name])
            await expectError(.fileNotFound) { try await runtime.readFile("w", path: "two") }
            // Deltas since a checkpoint walk only the layers above it.
            _ = try await harness.sh("w", "echo 4 > four")
            #expect(try await runtime.delta("w", since: first.name).added == ["four"])
        }
    }

    @Test("forking at a checkpoint starts from that state")
    func forkAtCheckpoint() async throws {
        try await WorkspaceHarness.with { harness in
            let runtime = harness.runtime
            _ = try await runtime.fork(vault: "v", as: "w")
            _ = try await harness.sh("w", "echo saved > saved")
            _ = try await runtime.checkpoint("w", as: "c")
            _ = try await harness.sh("w", "echo later > later")
            _ = try await runtime.fork(vault: "v", as: "x", at: "w/c")
            #expect(try await runtime.readFile("x", path: "saved").content == "saved\n")
            await expectError(.fileNotFound) { try await runtime.readFile("x", path: "later") }
        }
    }
}

@Suite("Deep checkpoint stacks")
struct SquashTests {
    @Test("above maxLayers a checkpoint squashes the stack without changing the tree; older checkpoints still work")
    func squashKeepsContent() async throws {
        try await WorkspaceHarness.with(policy: try .allowAll) { base in
            var configuration = base.runtime.configuration
            configuration.maxLayers = 6
            let runtime = try WorkspaceRuntime(configuration: configuration, storage: base.runtime.storage)
            _ = try await runtime.fork(vault: "v", as: "w")
            let steps = [
                "echo 1 > one && mkdir -p dir/sub && echo a > dir/sub/a", "rm f && echo 2 >> g",
                "rm -rf dir && mkdir dir && echo b > dir/b", "ln -s g link && chmod 700 h", "rm link && echo f > f",
                "mkdir -p src && rm -rf src && echo back > src", "echo 7 > seven && rm one",
            ]
            var hashes: [String] = []
            for (index, script) in steps.enumerated() {
                let result = try await runtime.exec("w", ExecRequest(argv: ["/bin/sh", "-c", script]))
                #expect(result.exitCode == 0, "\(script): \(result.stderr)")
                let expected = try await runtime.treeHash("w")
                let checkpoint = try await runtime.checkpoint("w", as: "c\(index)")
                #expect(checkpoint.layers.count <= 6)
                #expect(try await runtime.treeHash("w") == expected, "step \(index) changed the tree")
                hashes.append(expected)
            }
            #expect(try await runtime.workspace("w").layers.count <= 6)
            _ = try await runtime.rollback("w", to: "c2")
            #expect(try await runtime.treeHash("w") == hashes[2])
            let result = try await runtime.exec("w", ExecRequest(argv: ["/bin/sh", "-c", "cat dir/b g"]))
            #expect(result.stdout == "b\ng\n2\n")
        }
    }
}
