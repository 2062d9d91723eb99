import Foundation
import HangarCore
import HangarTesting
import Testing

@Suite("hangar exec: output and exit codes")
struct ExecCommandTests {
    @Test("0 ok, 1 failed, 7 denied, 11 approval required, 12 timed out, 4 command not found; stdout passes through")
    func exitCodes() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent(
            "hangar-cli-\(ULID().description.lowercased())"
        ).path
        defer { try? FileManager.default.removeItem(atPath: root) }
        try WorkspaceHarness.makeFixture(at: root + "/source")
        let cli = try CLI(home: root + "/home")
        #expect(try cli.run(["vault", "create", "v", "--from", root + "/source"]).stdout == "created vault v\n")
        #expect(try cli.run(["workspace", "fork", "v", "--name", "w"]).stdout == "w\n")

        let ok = try cli.run(["exec", "w", "--", "cat", "f"])
        #expect(ok.status == 0 && ok.stdout == "f\n" && ok.stderr == "")
        let failed = try cli.run(["exec", "w", "--", "sh", "-c", "echo out; echo err >&2; exit 3"])
        #expect(failed.status == 1 && failed.stdout == "out\n")
        // Once seen failing under a loaded fresh-clone CI run (stderr not "err\n"); the message says what it was.
        #expect(failed.stderr == "err\n", "stderr was \(failed.stderr.debugDescription)")
        let denied = try cli.run(["exec", "w", "--json", "--", "sudo", "id"])
        #expect(denied.status == 7)
        let deniedEnvelope = try JSONValue.parse(denied.stdout)
        #expect(deniedEnvelope["ok"] == false)
        #expect(deniedEnvelope["error"]?["code"] == "policy_denied")
        #expect(deniedEnvelope["data"]?["ran"] == false)
        let held = try cli.run(["exec", "w", "--network", "host", "--", "true"])
        #expect(held.status == 11)
        #expect(held.stderr.contains("hangar approve hap_"))
        let timedOut = try cli.run(["exec", "w", "--timeout", "300", "--", "sleep", "30"])
        #expect(timedOut.status == 12)
        let missing = try cli.run(["exec", "w", "--json", "--", "no-such-command"])
        #expect(missing.status == 4)
        #expect(try JSONValue.parse(missing.stdout)["error"]?["code"] == "command_not_found")
        let badName = try cli.run(["vault", "create", "a/b", "--json"])
        #expect(badName.status == 3)
        #expect(try JSONValue.parse(badName.stdout)["error"]?["code"] == "invalid_name")
        let json = try JSONValue.parse(try cli.run(["exec", "w", "--json", "--", "true"]).stdout)
        for key in [
            "exit_code", "timed_out", "oom_killed", "duration_ms", "stdout", "stderr", "decision", "delta",
            "mechanism", "stdout_truncated", "stderr_truncated", "signal", "checkpoint",
        ] {
            #expect(json["data"]?.objectValue?.keys.contains(key) == true, "missing \(key)")
        }
    }
}
