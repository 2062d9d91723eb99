import Foundation
import Glibc
import HangarTesting
import Logging
import Testing

@testable import HangarSandbox

/// A throwaway directory under /var/tmp (bound read-only inside the sandbox, unlike /tmp) holding an overlay
/// (a lower layer with two files, empty upper and work directories) and the runner's run directory.
final class SandboxFixture {
    let directory: String
    let runner: SandboxRunner

    var lower: String { "\(directory)/lower" }
    var upper: String { "\(directory)/upper" }
    var work: String { "\(directory)/work" }
    var runDirectory: String { "\(directory)/run" }

    init() throws {
        directory = "/var/tmp/hangar-sandbox-test-\(UUID().uuidString)"
        let files = FileManager.default
        for name in ["lower/dir", "upper", "work"] {
            try files.createDirectory(atPath: "\(directory)/\(name)", withIntermediateDirectories: true)
        }
        try "alpha\n".write(toFile: "\(directory)/lower/a.txt", atomically: false, encoding: .utf8)
        try "beta\n".write(toFile: "\(directory)/lower/dir/b.txt", atomically: false, encoding: .utf8)
        runner = SandboxRunner(
            helperExecutable: try HangarBinary.path(), runDirectory: "\(directory)/run",
            logger: Logger(label: "sandbox-tests"))
    }

    deinit {
        try? FileManager.default.removeItem(atPath: directory)
    }

    var overlay: SandboxOverlay { SandboxOverlay(lowerDirs: [lower], upperDir: upper, workDir: work) }

    /// A spec running `argv` on this fixture's overlay.
    func spec(_ argv: [String]) -> SandboxSpec {
        SandboxSpec(argv: argv, workspace: overlay)
    }

    /// Runs the spec and checks that the run left nothing behind: no mount under this fixture in the host's
    /// mount table, no cgroup of this process, no scratch directory.
    func run(_ spec: SandboxSpec, sourceLocation: SourceLocation = #_sourceLocation) async throws -> SandboxResult {
        defer { expectNothingLeft(sourceLocation: sourceLocation) }
        return try await runner.run(spec)
    }

    func expectNothingLeft(sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(HostState.mountPoints().filter { $0.hasPrefix(directory) } == [], sourceLocation: sourceLocation)
        #expect(HostState.sandboxCgroupsOfThisProcess() == [], sourceLocation: sourceLocation)
        #expect(SystemFile.entries(of: runDirectory) == [], sourceLocation: sourceLocation)
    }
}
