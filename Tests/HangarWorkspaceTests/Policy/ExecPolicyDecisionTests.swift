import Foundation
import HangarCore
import HangarSandbox
import HangarWorkspace
import Testing

@Suite("How an exec policy decides")
struct ExecPolicyDecisionTests {
    private func policy(_ json: String) throws -> ExecPolicy {
        try ExecPolicy.parse(Data(json.utf8))
    }

    @Test("the first matching rule wins")
    func firstMatchWins() throws {
        let policy = try policy(
            """
            { "version": 1, "rules": [
              { "id": "first", "argv0": ["make"], "action": "allow_with_checkpoint" },
              { "id": "second", "argv0": ["make"], "action": "deny" } ] }
            """
        )
        let decision = policy.decide(PolicyRequest(argv: ["make"]))
        #expect(
            decision
                == PolicyDecision(
                    action: .allowWithCheckpoint, rule: "first", reason: "matched the exec policy rule first"))
    }

    @Test("without a matching rule or network entry, the default decides with no rule id")
    func defaultDecides() throws {
        let policy = try policy(#"{ "version": 1, "default": "require_approval" }"#)
        let decision = policy.decide(PolicyRequest(argv: ["ls"]))
        #expect(
            decision
                == PolicyDecision(
                    action: .requireApproval, rule: nil,
                    reason: "no rule matched; the policy's default is require_approval"))
    }

    @Test("without a matching rule, the network table decides before the default")
    func networkBeforeDefault() throws {
        let policy = try policy(#"{ "version": 1, "default": "deny", "network": { "proxy": "allow" } }"#)
        #expect(policy.decide(PolicyRequest(argv: ["ls"], network: .proxy)).action == .allow)
        #expect(policy.decide(PolicyRequest(argv: ["ls"], network: .proxy)).rule == "network.proxy")
        #expect(policy.decide(PolicyRequest(argv: ["ls"], network: .none)).action == .deny)
    }

    @Test("a matching rule and the network table combine to the stricter")
    func combinesWithNetwork() throws {
        let policy = try policy(
            """
            { "version": 1, "network": { "host": "allow_with_checkpoint" }, "rules": [
              { "id": "lenient", "argv0": ["curl"], "action": "allow" },
              { "id": "strict", "argv0": ["scp"], "action": "deny" } ] }
            """
        )
        let curl = policy.decide(PolicyRequest(argv: ["curl", "x"], network: .host))
        #expect(curl.action == .allowWithCheckpoint)
        #expect(curl.rule == "network.host")
        let scp = policy.decide(PolicyRequest(argv: ["scp", "x"], network: .host))
        #expect(scp.action == .deny)
        #expect(scp.rule == "strict")
    }

    @Test("the network condition matches the requested mode")
    func networkCondition() throws {
        let policy = try policy(
            """
            { "version": 1, "rules": [
              { "id": "no-host-npm", "argv0": ["npm"], "network": ["host"], "action": "deny" } ] }
            """
        )
        #expect(policy.decide(PolicyRequest(argv: ["npm", "i"], network: .host)).rule == "no-host-npm")
        #expect(policy.decide(PolicyRequest(argv: ["npm", "i"], network: .proxy)).rule == nil)
    }

    @Test("a wrapper counts only when a rule names it; the wrapped command decides otherwise")
    func transparentWrappers() throws {
        let policy = try policy(
            """
            { "version": 1, "default": "deny", "rules": [
              { "id": "make", "argv0": ["make"], "action": "allow" },
              { "id": "no-nice", "argv0": ["nice"], "flags": ["-n"], "action": "require_approval" } ] }
            """
        )
        #expect(policy.decide(PolicyRequest(argv: ["env", "CC=clang", "make"])).action == .allow)
        #expect(policy.decide(PolicyRequest(argv: ["nice", "-n", "5", "make"])).rule == "no-nice")
        #expect(policy.decide(PolicyRequest(argv: ["env"])).action == .deny)
    }

    @Test("an opaque shell script counts as a command of its own")
    func opaqueScript() throws {
        let policy = try policy(
            #"{ "version": 1, "default": "deny", "rules": [ { "id": "ls", "argv0": ["ls"], "action": "allow" } ] }"#
        )
        #expect(policy.decide(PolicyRequest(argv: ["sh", "-c", "ls; ls"])).action == .allow)
        #expect(policy.decide(PolicyRequest(argv: ["sh", "-c", "ls $(pwd)"])).action == .deny)
    }

    @Test("inline_script false matches commands without inline code")
    func inlineScriptFalse() throws {
        let policy = try policy(
            """
            { "version": 1, "rules": [
              { "id": "py-file", "argv0": ["python3"], "inline_script": false, "action": "require_approval" } ] }
            """
        )
        #expect(policy.decide(PolicyRequest(argv: ["python3", "x.py"])).rule == "py-file")
        #expect(policy.decide(PolicyRequest(argv: ["python3", "-c", "1"])).rule == nil)
    }

    @Test("paths resolve against the working directory, git -C and env -C")
    func pathResolution() throws {
        let policy = try policy(
            """
            { "version": 1, "rules": [
              { "id": "secret", "paths": ["$WORKSPACE/secret/**"], "action": "deny" } ] }
            """
        )
        #expect(policy.decide(PolicyRequest(argv: ["cat", "./secret/key"])).rule == "secret")
        #expect(
            policy.decide(PolicyRequest(argv: ["cat", "../key"], workingDirectory: "/workspace/secret/a")).rule
                == "secret")
        #expect(policy.decide(PolicyRequest(argv: ["cat", "./key"], workingDirectory: "/workspace/src")).rule == nil)
        #expect(policy.decide(PolicyRequest(argv: ["git", "-C", "secret", "add", "./x"])).rule == "secret")
        #expect(policy.decide(PolicyRequest(argv: ["env", "-C", "secret", "cat", "./x"])).rule == "secret")
        #expect(policy.decide(PolicyRequest(argv: ["cat", "--file=./secret/x"])).rule == "secret")
        #expect(policy.decide(PolicyRequest(argv: ["cat", "secret"])).rule == nil)
    }

    @Test("destination is the -t value or the last operand, whether or not it looks like a path")
    func destination() throws {
        let policy = try policy(
            """
            { "version": 1, "rules": [
              { "id": "into-out", "argv0": ["cp"], "destination": ["$WORKSPACE/out/**"], "action": "deny" } ] }
            """
        )
        #expect(policy.decide(PolicyRequest(argv: ["cp", "a", "out"])).rule == "into-out")
        #expect(policy.decide(PolicyRequest(argv: ["cp", "out/a", "b"])).rule == nil)
        #expect(policy.decide(PolicyRequest(argv: ["cp", "-t", "out", "a", "b"])).rule == "into-out")
        #expect(policy.decide(PolicyRequest(argv: ["cp", "--target-directory=out/x", "a"])).rule == "into-out")
        #expect(policy.decide(PolicyRequest(argv: ["cp", "-r", "--", "a", "-out"])).rule == nil)
        #expect(policy.decide(PolicyRequest(argv: ["cp"])).rule == nil)
    }

    @Test("an empty command is denied")
    func emptyCommand() {
        let decision = ExecPolicy.standard.decide(PolicyRequest(argv: []))
        #expect(decision == PolicyDecision(action: .deny, rule: nil, reason: "the command is empty"))
    }

    @Test("deny and require_approval decisions carry the runtime's errors")
    func errors() {
        let denied = PolicyDecision(action: .deny, rule: "no-privilege", reason: "raises privileges")
        #expect(denied.error?.code == .policyDenied)
        #expect(denied.error?.message == "the exec policy denies this command (rule no-privilege): raises privileges")
        let approval = PolicyDecision(action: .requireApproval, rule: "git-push", reason: "publishes commits")
        #expect(approval.error?.code == .approvalRequired)
        #expect(approval.error?.code.family == .approvalRequired)
        #expect(approval.error?.message == "this command needs a human's approval (rule git-push): publishes commits")
        #expect(PolicyDecision(action: .allowWithCheckpoint, rule: nil, reason: "x").error == nil)
    }
}
