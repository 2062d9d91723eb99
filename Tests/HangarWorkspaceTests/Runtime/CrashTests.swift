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

@Suite("A crash of hangar during a command")
struct CrashTests {
    @Test("kill -9 of hangar during a long exec: no mount or process left, the next command works, content intact")
    func killDuringExec() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent(
            "hangar-crash-\(ULID().description.lowercased())"
        ).path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let cli = try CLI(home: root + "/home")
        let source = root + "/source"
        try WorkspaceHarness.makeFixture(at: source)
        #expect(try cli.run(["vault", "create", "v", "--from", source]).status == 0)
        #expect(try cli.run(["workspace", "fork", "v", "--name", "w"]).status == 0)
        #expect(try cli.run(["exec", "w", "--", "sh", "-c", "echo before > kept"]).status == 0)

        let marker = "hangar-crash-\(getpid())-\(Int.random(in: 0..<1_000_000))"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: cli.binary)
        process.arguments = ["exec", "w", "--", "sh", "-c", "echo partial > partial; sleep 300; echo \(marker)"]
        process.environment = cli.environment
        try process.run()
        // Wait until the command is running inside the sandbox.
        let deadline = Date().addingTimeInterval(20)
        let layers = root + "/home/workspaces/layers"
        func wrotePartial() -> Bool {
            let uppers = (try? FileManager.default.contentsOfDirectory(atPath: layers)) ?? []
            return uppers.contains { FileManager.default.fileExists(atPath: layers + "/" + $0 + "/partial") }
        }
        while (Self.processes(matching: marker).isEmpty || !wrotePartial()) && Date() < deadline { usleep(20_000) }
        #expect(!Self.processes(matching: marker).isEmpty, "the command never started")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let gone = Date().addingTimeInterval(2)
        while !Self.processes(matching: marker).isEmpty && Date() < gone { usleep(20_000) }
        #expect(Self.processes(matching: marker).isEmpty, "the sandboxed command outlived hangar")
        let mounts = try String(contentsOfFile: "/proc/self/mountinfo", encoding: .utf8)
        #expect(!mounts.contains(root), "a workspace mount is left in the host mount table")

        let next = try cli.run(["exec", "w", "--", "cat", "kept", "partial"])
        #expect(next.status == 0)
        #expect(next.stdout == "before\npartial\n")
    }

    /// Process ids whose command line contains `marker`.
    static func processes(matching marker: String) -> [Int32] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap(Int32.init).filter { pid in
            guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return false }
            return String(decoding: data, as: UTF8.self).contains(marker)
        }
    }
}
