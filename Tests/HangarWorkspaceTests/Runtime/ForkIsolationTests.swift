import Foundation
import HangarCore
import HangarSandbox
import HangarStore
import HangarTesting
import HangarWorkspace
import Testing

@Suite("Forks are isolated and cost nothing")
struct ForkIsolationTests {
    @Test("a change in fork A leaves the vault and fork B byte-identical", arguments: StorageKind.allCases)
    func forkIsolation(kind: StorageKind) async throws {
        try await WorkspaceHarness.with(kind) { harness in
            let runtime = harness.runtime
            let vaultBefore = try await runtime.treeHash(vault: "v")
            _ = try await runtime.fork(vault: "v", as: "a")
            _ = try await runtime.fork(vault: "v", as: "b")
            let bBefore = try await runtime.treeHash("b")
            #expect(bBefore == vaultBefore)
            let result = try await harness.sh("a", "echo x >> f; rm g; echo n > h")
            #expect(result.ran && result.exitCode == 0, "\(result.stderr)")
            #expect(result.delta?.modified == ["f", "h"])
            #expect(result.delta?.deleted == ["g"])
            #expect(result.delta?.added == [])
            #expect(try await runtime.treeHash(vault: "v") == vaultBefore)
            #expect(try await runtime.treeHash("b") == bBefore)
            #expect(try await runtime.treeHash("a") != bBefore)
            let f = try await runtime.readFile("a", path: "f")
            #expect(f.content == "f\nx\n")
            #expect(try await runtime.readFile("b", path: "f").content == "f\n")
            await expectError(.fileNotFound) { try await runtime.readFile("a", path: "g") }
            #expect(try String(contentsOfFile: harness.source + "/f", encoding: .utf8) == "f\n")
            #expect(try harness.hostMounts().isEmpty)
        }
    }

    @Test("a fork copies no file: its upper starts empty and the workspace records the vault's layers")
    func forkCopiesNothing() async throws {
        try await WorkspaceHarness.with { harness in
            let vault = try await harness.runtime.vault("v")
            let workspace = try await harness.runtime.fork(vault: "v", as: "w")
            #expect(workspace.layers == vault.layers)
            #expect(workspace.mechanism == "overlay")
            let upper = harness.runtime.layout.layer(workspace.upper)
            #expect(try FileManager.default.contentsOfDirectory(atPath: upper).isEmpty)
            let events = try await harness.runtime.storage.read(.init(after: 0, stream: "workspace:w", limit: 10))
            #expect(events.map(\.kind) == ["workspace.forked"])
        }
    }

    @Test("promote makes a workspace the vault's head; a stale fork cannot promote over it")
    func promote() async throws {
        try await WorkspaceHarness.with { harness in
            let runtime = harness.runtime
            _ = try await runtime.fork(vault: "v", as: "a")
            _ = try await runtime.fork(vault: "v", as: "b")
            _ = try await harness.sh("a", "echo promoted > f")
            let (vault, _) = try await runtime.promote("a")
            #expect(vault.generation == 1)
            #expect(try await runtime.treeHash(vault: "v") == (try await runtime.treeHash("a")))
            _ = try await runtime.fork(vault: "v", as: "c")
            #expect(try await runtime.readFile("c", path: "f").content == "promoted\n")
            let before = try await runtime.vault("v")
            await expectError(.vaultMoved) { try await runtime.promote("b") }
            #expect(try await runtime.vault("v") == before)
        }
    }
}

@Suite("Importing a git checkout")
struct GitImportTests {
    @Test("a vault made from a git checkout keeps .git: inside a fork the tree is clean and the history is there")
    func gitCheckout() async throws {
        try await WorkspaceHarness.with { harness in
            let git = Process()
            git.executableURL = URL(fileURLWithPath: "/bin/sh")
            git.arguments = [
                "-c",
                "cd \"$0\" && git init -q && git add -A && git -c user.email=a@example.com -c user.name=a commit -qm first",
                harness.source,
            ]
            try git.run()
            git.waitUntilExit()
            #expect(git.terminationStatus == 0)
            _ = try await harness.runtime.createVault("repo", from: harness.source)
            _ = try await harness.runtime.fork(vault: "repo", as: "w")
            let status = try await harness.sh("w", "git status --porcelain && git log --format=%s")
            #expect(status.exitCode == 0, "\(status.stderr)")
            #expect(status.stdout == "first\n")
        }
    }
}
