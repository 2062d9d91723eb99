import Foundation
import HangarSandbox
import Testing

extension SandboxTests {
    @Suite struct Output {
        @Test func exitCodeAndBothStreams() async throws {
            let fixture = try SandboxFixture()
            let result = try await fixture.run(fixture.spec(["sh", "-c", "echo out; echo err >&2; exit 3"]))
            #expect(result.exitCode == 3)
            #expect(result.signal == nil)
            #expect(result.stdout == "out\n")
            #expect(result.stderr == "err\n")
            #expect(!result.timedOut && !result.oomKilled && !result.pidsLimitHit)
            #expect(!result.stdoutTruncated && !result.stderrTruncated)
            #expect(result.durationMs >= 0 && result.durationMs < 5000)
        }

        @Test func outputBeyondTheCapIsDroppedAndFlagged() async throws {
            let fixture = try SandboxFixture()
            var spec = fixture.spec(["sh", "-c", "seq 1 100000; seq 1 5 >&2"])
            spec.outputLimitBytes = 10
            let result = try await fixture.run(spec)
            #expect(result.exitCode == 0)
            #expect(result.stdout == "1\n2\n3\n4\n5\n")
            #expect(result.stdoutTruncated)
            #expect(result.stderr == "1\n2\n3\n4\n5\n")
            #expect(!result.stderrTruncated)
        }

        @Test func theEnvironmentIsExactlyTheGivenOnePlusDefaults() async throws {
            let fixture = try SandboxFixture()
            var spec = fixture.spec(["env"])
            spec.environment = ["GREETING": "hello", "HOME": "/workspace"]
            let result = try await fixture.run(spec)
            let lines = result.stdout.split(separator: "\n").map(String.init).sorted()
            #expect(
                lines == [
                    "GREETING=hello", "HOME=/workspace", "LANG=C.UTF-8",
                    "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                ])
        }

        @Test func theCommandRunsAsPidTwoWithHostnameHangarAndNoCapabilities() async throws {
            let fixture = try SandboxFixture()
            let script = "echo $$; hostname; grep CapEff /proc/self/status; ls /proc | grep -c '^[0-9]'"
            let result = try await fixture.run(fixture.spec(["sh", "-c", script]))
            #expect(result.stdout == "2\nhangar\nCapEff:\t0000000000000000\n4\n")
        }

        @Test func outputFarBeyondThePipeBufferIsDrained() async throws {
            let fixture = try SandboxFixture()
            let result = try await fixture.run(fixture.spec(["sh", "-c", "head -c 5000000 /dev/zero; echo done >&2"]))
            #expect(result.exitCode == 0)
            #expect(result.stdout.utf8.count == 1 << 20)
            #expect(result.stdoutTruncated)
            #expect(result.stderr == "done\n")
        }
    }
}
