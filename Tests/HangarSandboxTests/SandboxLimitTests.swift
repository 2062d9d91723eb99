import Foundation
import HangarSandbox
import Subprocess
import SystemPackage
import Testing

extension SandboxTests {
    @Suite struct Limits {
        @Test func theTimeoutKillsTheWholeTreeIncludingOrphans() async throws {
            let fixture = try SandboxFixture()
            let sleeper = ["sleep", "100.7"]
            var spec = fixture.spec(["sh", "-c", "sleep 100.7 & (sleep 100.7 &); sleep 100.7"])
            spec.limits.timeout = .milliseconds(1000)
            let start = ContinuousClock.now
            let result = try await fixture.run(spec)
            let elapsed = ContinuousClock.now - start
            #expect(elapsed < .seconds(2))
            #expect(result.timedOut)
            #expect(result.exitCode == nil)
            #expect(result.signal == 9)
            #expect(await HostState.waitUntilGone(sleeper, within: .milliseconds(500)) == [])
        }

        @Test func theMemoryLimitOOMKills() async throws {
            let fixture = try SandboxFixture()
            var spec = fixture.spec(["/usr/bin/python3", "-c", "b = bytearray(128 * 1024 * 1024); print('survived')"])
            spec.limits.memoryBytes = 32 << 20
            let result = try await fixture.run(spec)
            #expect(result.oomKilled)
            #expect(result.signal == 9)
            #expect(result.exitCode == nil)
            #expect(result.stdout == "")
            #expect(!result.timedOut)
        }

        @Test func theSameAllocationFitsWithoutALimit() async throws {
            let fixture = try SandboxFixture()
            let spec = fixture.spec(["/usr/bin/python3", "-c", "b = bytearray(128 * 1024 * 1024); print('survived')"])
            let result = try await fixture.run(spec)
            #expect(!result.oomKilled)
            #expect(result.exitCode == 0)
            #expect(result.stdout == "survived\n")
        }

        @Test func thePidsLimitStopsAForkLoop() async throws {
            let fixture = try SandboxFixture()
            var spec = fixture.spec(["sh", "-c", "for i in $(seq 200); do sleep 5.3 & done; wait"])
            spec.limits.pids = 32
            spec.limits.timeout = .seconds(20)
            let result = try await fixture.run(spec)
            #expect(result.pidsLimitHit)
            #expect(!result.timedOut)
            #expect(result.stderr.contains("fork"))
            #expect(await HostState.waitUntilGone(["sleep", "5.3"], within: .milliseconds(500)) == [])
            // The host can still start processes.
            let host = try await Subprocess.run(.path("/bin/true"), output: .discarded)
            #expect(host.terminationStatus == .exited(0))
        }

        @Test func aCPUFractionStillRunsTheCommand() async throws {
            let fixture = try SandboxFixture()
            var spec = fixture.spec(["sh", "-c", "echo ok"])
            spec.limits.cpuFraction = 0.5
            let result = try await fixture.run(spec)
            #expect(result.exitCode == 0)
            #expect(result.stdout == "ok\n")
        }

        @Test func theMinimumMemoryLimitStillRunsASmallCommand() async throws {
            let fixture = try SandboxFixture()
            var spec = fixture.spec(["sh", "-c", "echo ok"])
            spec.limits.memoryBytes = SandboxLimits.minimumMemoryBytes
            let result = try await fixture.run(spec)
            #expect(result.exitCode == 0)
            #expect(result.stdout == "ok\n")
            #expect(!result.oomKilled)
        }

        @Test func cancellingTheCallerKillsTheTree() async throws {
            let fixture = try SandboxFixture()
            let sleeper = ["sleep", "100.3"]
            let runner = fixture.runner
            let spec = fixture.spec(sleeper)
            let start = ContinuousClock.now
            let outcome = await withTaskGroup(of: (any Error)?.self) { group in
                group.addTask {
                    do {
                        _ = try await runner.run(spec)
                        return nil
                    } catch {
                        return error
                    }
                }
                while HostState.processes(withArguments: sleeper).isEmpty && ContinuousClock.now - start < .seconds(5) {
                    try? await Task.sleep(for: .milliseconds(20))
                }
                group.cancelAll()
                return await group.next() ?? nil
            }
            #expect(outcome is CancellationError)
            #expect(ContinuousClock.now - start < .seconds(3))
            #expect(await HostState.waitUntilGone(sleeper, within: .milliseconds(500)) == [])
            fixture.expectNothingLeft()
        }
    }
}
