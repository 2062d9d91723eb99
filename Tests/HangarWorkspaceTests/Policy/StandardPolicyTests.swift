import Foundation
import HangarSandbox
import HangarWorkspace
import Testing

@Suite("The standard exec policy")
struct StandardPolicyTests {
    /// One command and what the standard policy must decide for it.
    struct Case: Sendable, CustomTestStringConvertible {
        var argv: [String]
        var directory = "/workspace"
        var network = NetworkMode.none
        var action: PolicyAction
        var rule: String?

        var testDescription: String {
            "\(argv.joined(separator: " ")) in \(directory) with network \(network.rawValue)"
        }
    }

    static let cases: [Case] = [
        // Privilege and kernel tools, also behind wrappers and paths.
        Case(argv: ["sudo", "id"], action: .deny, rule: "no-privilege"),
        Case(argv: ["/usr/bin/sudo", "ls"], action: .deny, rule: "no-privilege"),
        Case(argv: ["env", "FOO=1", "sudo", "x"], action: .deny, rule: "no-privilege"),
        Case(argv: ["timeout", "-s", "KILL", "5", "nice", "-n5", "doas", "sh"], action: .deny, rule: "no-privilege"),
        Case(argv: ["env", "-S", "sudo id"], action: .deny, rule: "no-privilege"),
        Case(argv: ["mount", "-t", "tmpfs", "none", "/mnt"], action: .deny, rule: "no-kernel"),
        Case(argv: ["busybox", "chroot", "/", "sh"], action: .deny, rule: "no-kernel"),
        // Writes outside the workspace and /tmp; reading is fine.
        Case(
            argv: ["rm", "../../etc/passwd"], directory: "/workspace/src", action: .deny,
            rule: "write-outside-workspace"),
        Case(argv: ["cp", "a", "/etc/x"], action: .deny, rule: "copy-outside-workspace"),
        Case(argv: ["cp", "-t", "/usr/lib", "a", "b"], action: .deny, rule: "copy-outside-workspace"),
        Case(argv: ["ln", "-s", "x", "/etc/y"], action: .deny, rule: "copy-outside-workspace"),
        Case(argv: ["cp", "/etc/hosts", "."], action: .allow, rule: "network.none"),
        Case(argv: ["ln", "-s", "/etc", "x"], action: .allow, rule: "network.none"),
        Case(argv: ["mv", "/etc/hosts", "."], action: .deny, rule: "write-outside-workspace"),
        Case(argv: ["rm", "-rf", "/"], action: .deny, rule: "write-outside-workspace"),
        Case(argv: ["rm", "-rf", ".."], action: .deny, rule: "write-outside-workspace"),
        Case(argv: ["dd", "if=/dev/zero", "of=/etc/x"], action: .deny, rule: "write-outside-workspace"),
        Case(argv: ["tee", "-a", "/root/.bashrc"], action: .deny, rule: "write-outside-workspace"),
        Case(argv: ["chmod", "777", "--", "/usr/bin/x"], action: .deny, rule: "write-outside-workspace"),
        Case(argv: ["sed", "-i", "s/a/b/", "/etc/hosts"], action: .deny, rule: "edit-outside-workspace"),
        Case(argv: ["find", "/", "-name", "*.log", "-delete"], action: .deny, rule: "delete-outside-workspace"),
        Case(argv: ["ls", "/etc"], action: .allow, rule: "network.none"),
        Case(argv: ["cat", "/etc/passwd"], action: .allow, rule: "network.none"),
        Case(argv: ["sed", "s/a/b/", "/etc/hosts"], action: .allow, rule: "network.none"),
        Case(argv: ["touch", "/tmp/stamp"], action: .allow, rule: "network.none"),
        Case(argv: ["cp", "a", "/workspace/b"], action: .allow, rule: "network.none"),
        Case(argv: ["tee", "/dev/null"], action: .allow, rule: "network.none"),
        // Publishing needs approval.
        Case(argv: ["git", "push"], action: .requireApproval, rule: "git-push"),
        Case(argv: ["git", "-C", "sub", "push", "origin"], action: .requireApproval, rule: "git-push"),
        Case(
            argv: ["git", "-c", "user.name=x", "--no-pager", "push", "-f"], action: .requireApproval, rule: "git-push"),
        Case(argv: ["timeout", "60", "git", "push"], action: .requireApproval, rule: "git-push"),
        Case(argv: ["npm", "publish"], action: .requireApproval, rule: "package-publish"),
        Case(argv: ["cargo", "+nightly", "publish"], action: .requireApproval, rule: "package-publish"),
        Case(argv: ["python3", "-m", "twine", "upload", "dist/*"], action: .requireApproval, rule: "package-publish"),
        Case(argv: ["docker", "push", "example/app"], action: .requireApproval, rule: "image-push"),
        Case(argv: ["git", "log", "push"], action: .allow, rule: "network.none"),
        // Destructive but local: checkpoint first.
        Case(argv: ["rm", "-rf", "build"], action: .allowWithCheckpoint, rule: "rm-recursive"),
        Case(argv: ["rm", "-r", "-f", "x"], action: .allowWithCheckpoint, rule: "rm-recursive"),
        Case(argv: ["rm", "-rf", "/tmp/cache"], action: .allowWithCheckpoint, rule: "rm-recursive"),
        Case(argv: ["xargs", "-0", "rm", "-R"], action: .allowWithCheckpoint, rule: "rm-recursive"),
        Case(
            argv: ["find", ".", "-type", "d", "-exec", "rm", "-rf", "{}", "+"], action: .allowWithCheckpoint,
            rule: "rm-recursive"),
        Case(argv: ["rm", "notes.txt"], action: .allow, rule: "network.none"),
        Case(argv: ["git", "reset", "--hard", "HEAD~1"], action: .allowWithCheckpoint, rule: "git-reset-hard"),
        Case(argv: ["git", "clean", "-fdx"], action: .allowWithCheckpoint, rule: "git-clean"),
        Case(argv: ["git", "checkout", "--", "."], action: .allowWithCheckpoint, rule: "git-checkout-discard"),
        Case(argv: ["git", "checkout", "."], action: .allowWithCheckpoint, rule: "git-checkout-paths"),
        Case(argv: ["git", "checkout", "main"], action: .allow, rule: "network.none"),
        Case(argv: ["git", "restore", "src/a.swift"], action: .allowWithCheckpoint, rule: "git-restore"),
        Case(argv: ["find", ".", "-name", "*.o", "-delete"], action: .allowWithCheckpoint, rule: "find-delete"),
        Case(argv: ["truncate", "-s", "0", "log.txt"], action: .allowWithCheckpoint, rule: "overwrite"),
        Case(argv: ["dd", "if=/dev/zero", "of=disk.img", "bs=1M"], action: .allowWithCheckpoint, rule: "overwrite"),
        // Inline code: split simple shell scripts, allow the rest.
        Case(argv: ["sh", "-c", "git push"], action: .requireApproval, rule: "git-push"),
        Case(argv: ["bash", "-c", "ls; sudo id"], action: .deny, rule: "no-privilege"),
        Case(
            argv: ["bash", "-euo", "pipefail", "-c", "make && rm -rf out || true"], action: .allowWithCheckpoint,
            rule: "rm-recursive"),
        Case(argv: ["sh", "-c", "cd / && rm -rf ./etc"], action: .deny, rule: "write-outside-workspace"),
        Case(
            argv: ["sh", "-c", "echo x >> ../../etc/profile"], directory: "/workspace/src", action: .deny,
            rule: "write-outside-workspace"),
        Case(argv: ["sh", "-c", "make >/tmp/log 2>/dev/null"], action: .allow, rule: "inline-script"),
        Case(
            argv: ["sh", "-c", "rm -rf ./* && mkdir -p junk/deep && head -c 9 /dev/urandom > junk/x && ln -s /etc x"],
            action: .allowWithCheckpoint, rule: "rm-recursive"),
        Case(argv: ["sh", "-c", "echo 'sudo is just text' | wc -c"], action: .allow, rule: "inline-script"),
        Case(argv: ["sh", "-c", "bash -c 'sudo id'"], action: .deny, rule: "no-privilege"),
        Case(argv: ["python3", "-c", "import os"], action: .allow, rule: "inline-script"),
        Case(argv: ["node", "-e", "console.log(1)"], action: .allow, rule: "inline-script"),
        Case(argv: ["bash", "build.sh"], action: .allow, rule: "network.none"),
        // The network table.
        Case(argv: ["cat", "f"], network: .host, action: .requireApproval, rule: "network.host"),
        Case(argv: ["cat", "f"], network: .proxy, action: .allow, rule: "network.proxy"),
        Case(argv: ["git", "push"], network: .host, action: .requireApproval, rule: "git-push"),
        Case(argv: ["rm", "-rf", "build"], network: .host, action: .requireApproval, rule: "network.host"),
        Case(argv: ["sudo", "id"], network: .host, action: .deny, rule: "no-privilege"),
        // Everything else.
        Case(argv: ["cat", "f"], action: .allow, rule: "network.none"),
        Case(argv: ["swift", "build"], action: .allow, rule: "network.none"),
        Case(argv: ["command", "-v", "sudo"], action: .allow, rule: "network.none"),
    ]

    @Test("decides each command", arguments: cases)
    func decides(_ testCase: Case) {
        let request = PolicyRequest(
            argv: testCase.argv, workingDirectory: testCase.directory, network: testCase.network)
        let decision = ExecPolicy.standard.decide(request)
        #expect(decision.action == testCase.action)
        #expect(decision.rule == testCase.rule)
    }

    @Test("parses from its JSON source and round-trips through encoding")
    func roundTrips() throws {
        let parsed = try ExecPolicy.parse(Data(ExecPolicy.standardJSON.utf8))
        #expect(parsed == ExecPolicy.standard)
        let encoded = try JSONEncoder().encode(ExecPolicy.standard)
        #expect(try ExecPolicy.parse(encoded) == ExecPolicy.standard)
        #expect(ExecPolicy.standard.rules.count == 18)
        #expect(ExecPolicy.standard.network == [.none: .allow, .proxy: .allow, .host: .requireApproval])
    }

    @Test("gives the rule's reason")
    func reason() {
        let decision = ExecPolicy.standard.decide(PolicyRequest(argv: ["sudo", "id"]))
        #expect(decision.reason == "raises privileges; commands in a workspace run unprivileged")
        let fallback = ExecPolicy.standard.decide(PolicyRequest(argv: ["ls"]))
        #expect(fallback.reason == "the exec policy's network table says allow for network mode none")
    }

    @Test("resolves the workspace root of the request, not a fixed /workspace")
    func workspaceRoot() {
        let inside = PolicyRequest(
            argv: ["cp", "a", "/home/dev/ws/b"], workingDirectory: "/home/dev/ws", workspaceRoot: "/home/dev/ws")
        #expect(ExecPolicy.standard.decide(inside).action == .allow)
        let outside = PolicyRequest(
            argv: ["cp", "a", "/workspace/b"], workingDirectory: "/home/dev/ws", workspaceRoot: "/home/dev/ws")
        #expect(ExecPolicy.standard.decide(outside).rule == "copy-outside-workspace")
    }
}
