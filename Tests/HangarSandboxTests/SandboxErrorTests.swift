import Foundation
import HangarCore
import HangarTesting
import Testing

@testable import HangarSandbox

extension SandboxTests {
    @Suite struct Errors {
        @Test func aMissingCommandIsCommandNotFound() async throws {
            let fixture = try SandboxFixture()
            let error = await expectError(.commandNotFound) {
                try await fixture.run(fixture.spec(["hangar-no-such-command"]))
            }
            #expect(error?.message == "command not found: hangar-no-such-command")
        }

        @Test func aCommandExitingWith127IsAResult() async throws {
            let fixture = try SandboxFixture()
            let result = try await fixture.run(fixture.spec(["sh", "-c", "exit 127"]))
            #expect(result.exitCode == 127)
        }

        @Test func aMissingWorkingDirectoryIsInvalidArguments() async throws {
            let fixture = try SandboxFixture()
            var spec = fixture.spec(["true"])
            spec.workingDirectory = "/workspace/missing"
            await expectError(.invalidArguments) { try await fixture.run(spec) }
        }

        static let tooLow: [(String, SandboxLimits)] = [
            ("memory 1 MiB", SandboxLimits(memoryBytes: 1 << 20)),
            ("memory just under 8 MiB", SandboxLimits(memoryBytes: (8 << 20) - 1)),
            ("pids 0", SandboxLimits(pids: 0)),
            ("cpu 0", SandboxLimits(cpuFraction: 0)),
            ("cpu above the cores", SandboxLimits(cpuFraction: Double(SandboxRunner.cores) + 0.5)),
            ("timeout 0", SandboxLimits(timeout: .zero)),
        ]

        @Test(arguments: tooLow)
        func limitsTooLowAreRejectedBeforeAnythingRuns(_ name: String, _ limits: SandboxLimits) async throws {
            let fixture = try SandboxFixture()
            var spec = fixture.spec(["touch", "/workspace/ran"])
            spec.limits = limits
            await expectError(.limitTooLow) { try await fixture.run(spec) }
            #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.upper) == [])
            #expect(!FileManager.default.fileExists(atPath: fixture.runDirectory))
        }

        static let invalid: [(HangarError.Code, SandboxSpec)] = [
            (.invalidArguments, SandboxSpec(argv: [])),
            (.invalidArguments, SandboxSpec(argv: [""])),
            (.invalidArguments, SandboxSpec(argv: ["true"], workingDirectory: "workspace")),
            (.invalidArguments, SandboxSpec(argv: ["true"], environment: ["A=B": "c"])),
            (.invalidArguments, SandboxSpec(argv: ["true"], hiddenPaths: ["relative"])),
            (.networkModeUnavailable, SandboxSpec(argv: ["true"], network: .proxy)),
        ]

        @Test(arguments: invalid)
        func invalidSpecsAreRejectedBeforeAnythingRuns(_ code: HangarError.Code, _ spec: SandboxSpec) async throws {
            let fixture = try SandboxFixture()
            await expectError(code) { try await fixture.run(spec) }
            #expect(!FileManager.default.fileExists(atPath: fixture.runDirectory))
        }

        @Test func aFailingSetupIsSandboxFailedWithoutHostPaths() async throws {
            let fixture = try SandboxFixture()
            var spec = fixture.spec(["true"])
            spec.workspace = SandboxOverlay(
                lowerDirs: ["\(fixture.directory)/missing"], upperDir: fixture.upper, workDir: fixture.work)
            let error = await expectError(.sandboxFailed) { try await fixture.run(spec) }
            #expect(error?.message == "the sandbox could not be set up (mount workspace: No such file or directory)")
        }
    }
}
