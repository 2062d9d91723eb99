import Foundation
import HangarTesting
import Logging
import Subprocess
import SystemPackage
import Testing

@testable import HangarSandbox

extension SandboxTests {
    @Suite struct Cleanup {
        @Test func aNewRunnerRemovesLeftoversOfDeadProcessesOnly() async throws {
            let fixture = try SandboxFixture()
            let dead = try await Subprocess.run(.path("/bin/true"), output: .discarded).processIdentifier.value
            let staleName = "\(dead)-1-ab"
            let liveName = "\(getpid())-999999-cd"
            let cgroups = "/sys/fs/cgroup/pids/hangar"
            try FileManager.default.createDirectory(
                atPath: "\(cgroups)/\(staleName)", withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: "\(cgroups)/\(liveName)", withIntermediateDirectories: true)
            defer { rmdir("\(cgroups)/\(liveName)") }
            try FileManager.default.createDirectory(
                atPath: "\(fixture.runDirectory)/\(staleName)/root", withIntermediateDirectories: true)
            _ = SandboxRunner(
                helperExecutable: try HangarBinary.path(), runDirectory: fixture.runDirectory,
                logger: Logger(label: "sandbox-tests"))
            #expect(!FileManager.default.fileExists(atPath: "\(cgroups)/\(staleName)"))
            #expect(FileManager.default.fileExists(atPath: "\(cgroups)/\(liveName)"))
            #expect(!FileManager.default.fileExists(atPath: "\(fixture.runDirectory)/\(staleName)"))
        }
    }
}
