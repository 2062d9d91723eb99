import Foundation
import HangarCore
import HangarSandbox
import HangarStore
import HangarTesting
import HangarWorkspace

/// A workspace runtime over a fresh store and a fresh state directory, with a vault `v` imported from a small
/// tree: `f` ("f\n"), `g` ("g\n"), `src/main.c`, `src/lib/util.c`, `docs/readme.md`, `bin/tool.sh` (0755).
struct WorkspaceHarness {
    let runtime: WorkspaceRuntime
    let home: String
    let source: String

    static func with<T>(
        _ kind: StorageKind = .sqlite, policy: ExecPolicy = .standard,
        _ body: (WorkspaceHarness) async throws -> T
    ) async throws -> T {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent(
            "hangar-ws-\(ULID().description.lowercased())"
        ).path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let source = root + "/source"
        try makeFixture(at: source)
        return try await StorageHarness.withStorage(kind, projections: .withWorkspaces) { storage in
            let configuration = WorkspaceRuntime.Configuration(
                home: root + "/home", helperExecutable: SandboxRunner.helper(near: try HangarBinary.path()),
                policy: policy)
            let runtime = try WorkspaceRuntime(configuration: configuration, storage: storage)
            _ = try await runtime.createVault("v", from: source)
            return try await body(WorkspaceHarness(runtime: runtime, home: root + "/home", source: source))
        }
    }

    static func makeFixture(at path: String) throws {
        let files: [(String, String)] = [
            ("f", "f\n"), ("g", "g\n"), ("h", "h\n"), ("src/main.c", "int main(void) { return 0; }\n"),
            ("src/lib/util.c", "int util(void) { return 1; }\n"), ("docs/readme.md", "# readme\n"),
            ("bin/tool.sh", "#!/bin/sh\necho tool\n"),
        ]
        for (name, content) in files {
            let url = URL(fileURLWithPath: path + "/" + name)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(content.utf8).write(to: url)
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path + "/bin/tool.sh")
    }

    /// Runs `sh -c script` in the workspace and returns the result.
    func sh(_ workspace: String, _ script: String, timeoutMilliseconds: Int64? = nil) async throws -> ExecResult {
        try await runtime.exec(
            workspace, ExecRequest(argv: ["/bin/sh", "-c", script], timeoutMilliseconds: timeoutMilliseconds))
    }

    /// Overlay mounts of this state directory in the host mount table (there must never be any).
    func hostMounts() throws -> [String] {
        try String(contentsOfFile: "/proc/self/mountinfo", encoding: .utf8).split(separator: "\n")
            .map(String.init).filter { $0.contains(home) }
    }
}

extension ExecPolicy {
    /// Allows everything, host network included: for tests that show the sandbox, not the policy, holds.
    static var allowAll: ExecPolicy {
        get throws {
            try ExecPolicy.parse(
                Data(#"{"version": 1, "default": "allow", "network": {"host": "allow"}, "rules": []}"#.utf8))
        }
    }
}
