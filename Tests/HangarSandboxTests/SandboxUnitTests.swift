import Foundation
import Glibc
import Subprocess
import SystemPackage
import Testing

@testable import HangarSandbox

@Suite struct SandboxUnitTests {
    @Test(arguments: [
        ("exit 3\n", HelperStatus.exited(3)),
        ("signal 9\n", .signaled(9)),
        ("exec_error 2\n", .execError(2)),
        ("chdir_error 20\n", .chdirError(20)),
        (
            "setup_error mount workspace: No such file or directory\n",
            .setupError(stage: "mount workspace", message: "No such file or directory")
        ),
        ("lifeline_lost\n", .lifelineLost),
    ])
    func statusLinesParse(_ line: String, _ status: HelperStatus) {
        #expect(HelperStatus(line: line) == status)
    }

    @Test(arguments: ["", "exit", "exit x", "bogus 1"])
    func garbledStatusLinesDoNotParse(_ line: String) {
        #expect(HelperStatus(line: line) == nil)
    }

    @Test func resultJSONUsesSnakeCaseKeys() throws {
        let result = SandboxResult(
            exitCode: 3, signal: nil, timedOut: false, oomKilled: true, pidsLimitHit: false, durationMs: 12,
            stdout: "o", stderr: "e", stdoutTruncated: true, stderrTruncated: false)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(result), as: UTF8.self)
        #expect(
            json == #"{"duration_ms":12,"exit_code":3,"oom_killed":true,"pids_limit_hit":false,"#
                + #""stderr":"e","stderr_truncated":false,"stdout":"o","stdout_truncated":true,"timed_out":false}"#)
        #expect(try JSONDecoder().decode(SandboxResult.self, from: Data(json.utf8)) == result)
    }

    @Test func cgroupCountersParse() {
        let oomControl = "oom_kill_disable 0\nunder_oom 0\noom_kill 2\n"
        #expect(SandboxCgroup.counter("oom_kill", in: oomControl) == 2)
        #expect(SandboxCgroup.counter("max", in: "max 17\n") == 17)
        #expect(SandboxCgroup.counter("max", in: "") == nil)
    }

    @Test func leftoversOfDeadProcessesAreStale() async throws {
        let dead = try await Subprocess.run(.path("/bin/true"), output: .discarded).processIdentifier.value
        #expect(StaleSandboxCleanup.isStale("\(dead)-1-ab"))
        #expect(ExecID.ownerPID(of: ExecID.make()) == getpid())
        #expect(!StaleSandboxCleanup.isStale(ExecID.make()))
        #expect(!StaleSandboxCleanup.isStale("lost+found"))
    }

    @Test func defaultsAreAddedOnlyWhereAbsent() {
        let spec = SandboxSpec(argv: ["true"], environment: ["HOME": "/workspace"])
        #expect(
            spec.effectiveEnvironment == [
                "HOME": "/workspace", "LANG": "C.UTF-8",
                "PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
            ])
    }
}
