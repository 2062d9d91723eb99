import Foundation
import HangarCore
import HangarSandbox
import HangarTesting
import HangarWorkspace
import Testing

@Suite("Reading exec policy files")
struct PolicyParsingTests {
    /// A policy file with a problem, and the exact message `policy_invalid` must carry.
    struct BadFile: Sendable, CustomTestStringConvertible {
        var name: String
        var json: String
        var message: String

        var testDescription: String { name }
    }

    static let badFiles: [BadFile] = [
        BadFile(
            name: "unknown top-level key",
            json: #"{ "version": 1, "rulez": [] }"#,
            message: "invalid exec policy at $.rulez: unknown key; expected one of version, default, network, rules"
        ),
        BadFile(
            name: "unknown rule key",
            json: #"{ "version": 1, "rules": [ { "id": "a", "argv0": ["x"], "action": "deny" }, "#
                + #"{ "id": "b", "argv": ["x"], "action": "deny" } ] }"#,
            message: "invalid exec policy at $.rules[1].argv: unknown key; expected one of id, argv0, subcommand, "
                + "flags, paths, destination, network, inline_script, action, reason"
        ),
        BadFile(
            name: "unknown action",
            json: #"{ "version": 1, "rules": [ { "id": "a", "argv0": ["x"], "action": "block" } ] }"#,
            message: "invalid exec policy at $.rules[0].action: unknown action \"block\"; expected one of allow, "
                + "allow_with_checkpoint, deny, require_approval"
        ),
        BadFile(
            name: "unknown default action",
            json: #"{ "version": 1, "default": "maybe" }"#,
            message: "invalid exec policy at $.default: unknown action \"maybe\"; expected one of allow, "
                + "allow_with_checkpoint, deny, require_approval"
        ),
        BadFile(
            name: "wrong type",
            json: #"{ "version": 1, "rules": [ { "id": "a", "argv0": "sudo", "action": "deny" } ] }"#,
            message: "invalid exec policy at $.rules[0].argv0: expected an array"
        ),
        BadFile(
            name: "wrong type in a list",
            json: #"{ "version": 1, "rules": [ { "id": "a", "flags": ["-r", 1], "action": "deny" } ] }"#,
            message: "invalid exec policy at $.rules[0].flags[1]: expected a string"
        ),
        BadFile(
            name: "empty argv0 list",
            json: #"{ "version": 1, "rules": [ { "id": "a", "argv0": [], "action": "deny" } ] }"#,
            message: "invalid exec policy at $.rules[0].argv0: the list must not be empty"
        ),
        BadFile(
            name: "empty name",
            json: #"{ "version": 1, "rules": [ { "id": "a", "argv0": ["rm", ""], "action": "deny" } ] }"#,
            message: "invalid exec policy at $.rules[0].argv0[1]: must not be empty"
        ),
        BadFile(
            name: "argv0 with a directory",
            json: #"{ "version": 1, "rules": [ { "id": "a", "argv0": ["/bin/rm"], "action": "deny" } ] }"#,
            message: "invalid exec policy at $.rules[0].argv0[0]: argv0 names a command without its directory"
        ),
        BadFile(
            name: "flag without a dash",
            json: #"{ "version": 1, "rules": [ { "id": "a", "flags": ["r"], "action": "deny" } ] }"#,
            message: "invalid exec policy at $.rules[0].flags[0]: a flag starts with '-'"
        ),
        BadFile(
            name: "unbalanced bracket in a glob",
            json: #"{ "version": 1, "rules": [ { "id": "a", "paths": ["/etc/[ab"], "action": "deny" } ] }"#,
            message: "invalid exec policy at $.rules[0].paths[0]: bad glob \"/etc/[ab\": '[' without a matching ']'"
        ),
        BadFile(
            name: "relative glob",
            json: #"{ "version": 1, "rules": [ { "id": "a", "paths": ["etc/**"], "action": "deny" } ] }"#,
            message: "invalid exec policy at $.rules[0].paths[0]: bad glob \"etc/**\": "
                + "a glob must start with '/' or $WORKSPACE"
        ),
        BadFile(
            name: "only exclusions",
            json: #"{ "version": 1, "rules": [ { "id": "a", "paths": ["!/tmp/**"], "action": "deny" } ] }"#,
            message: "invalid exec policy at $.rules[0].paths: needs at least one glob without '!'"
        ),
        BadFile(
            name: "destination with only exclusions",
            json: #"{ "version": 1, "rules": [ { "id": "a", "destination": ["!/tmp/**"], "action": "deny" } ] }"#,
            message: "invalid exec policy at $.rules[0].destination: needs at least one glob without '!'"
        ),
        BadFile(
            name: "bad glob in destination",
            json: #"{ "version": 1, "rules": [ { "id": "a", "destination": ["/a/b**"], "action": "deny" } ] }"#,
            message:
                "invalid exec policy at $.rules[0].destination[0]: bad glob \"/a/b**\": '**' must be a whole segment"
        ),
        BadFile(
            name: "unknown network mode in the table",
            json: #"{ "version": 1, "network": { "lan": "allow" } }"#,
            message: "invalid exec policy at $.network.lan: unknown network mode; expected one of none, proxy, host"
        ),
        BadFile(
            name: "unknown network mode in a rule",
            json: #"{ "version": 1, "rules": [ { "id": "a", "network": ["wifi"], "action": "deny" } ] }"#,
            message:
                "invalid exec policy at $.rules[0].network[0]: unknown network mode; expected one of none, proxy, host"
        ),
        BadFile(
            name: "rule without a condition",
            json: #"{ "version": 1, "rules": [ { "id": "a", "action": "deny" } ] }"#,
            message: "invalid exec policy at $.rules[0]: a rule needs at least one condition (argv0, subcommand, "
                + "flags, paths, destination, network, inline_script); use the policy's default for a catch-all"
        ),
        BadFile(
            name: "duplicate rule id",
            json: #"{ "version": 1, "rules": [ { "id": "a", "argv0": ["x"], "action": "deny" }, "#
                + #"{ "id": "a", "argv0": ["y"], "action": "deny" } ] }"#,
            message: "invalid exec policy at $.rules[1].id: duplicate rule id \"a\""
        ),
        BadFile(
            name: "bad rule id",
            json: #"{ "version": 1, "rules": [ { "id": "no privilege", "argv0": ["x"], "action": "deny" } ] }"#,
            message: "invalid exec policy at $.rules[0].id: a rule id is made of letters, digits, '-' and '_'"
        ),
        BadFile(
            name: "missing action",
            json: #"{ "version": 1, "rules": [ { "id": "a", "argv0": ["x"] } ] }"#,
            message: "invalid exec policy at $.rules[0].action: missing required key"
        ),
        BadFile(
            name: "missing version",
            json: #"{ "default": "allow" }"#,
            message: "invalid exec policy at $.version: missing required key"
        ),
        BadFile(
            name: "unsupported version",
            json: #"{ "version": 2 }"#,
            message: "invalid exec policy at $.version: unsupported version 2; this Hangar reads version 1"
        ),
        BadFile(
            name: "not an object",
            json: #"[1, 2]"#,
            message: "invalid exec policy at $: expected an object"
        ),
        BadFile(
            name: "not JSON",
            json: #"{ "version": 1, "#,
            message: "invalid exec policy: the file is not valid JSON"
        ),
        BadFile(
            name: "odd unknown key",
            json: #"{ "version": 1, "network": { "host": "allow" }, "my key": 1 }"#,
            message:
                "invalid exec policy at $[\"my key\"]: unknown key; expected one of version, default, network, rules"
        ),
    ]

    @Test("rejects a bad file with policy_invalid naming the JSON path", arguments: badFiles)
    func rejects(_ file: BadFile) async {
        let error = await expectError(.policyInvalid) { try ExecPolicy.parse(Data(file.json.utf8)) }
        #expect(error?.message == file.message)
        #expect(error?.code.family == .configuration)
    }

    @Test("reads a minimal file with the defaults")
    func minimal() throws {
        let policy = try ExecPolicy.parse(Data(#"{ "version": 1 }"#.utf8))
        #expect(policy == ExecPolicy(defaultAction: .allow, network: [:], rules: []))
    }

    @Test("reads every condition and round-trips it")
    func everyCondition() throws {
        let json = """
            { "version": 1, "default": "deny", "network": { "host": "deny" }, "rules": [
              { "id": "all", "argv0": ["git"], "subcommand": ["push"], "flags": ["-f"], "paths": ["/x/**", "!/x/y"],
                "destination": ["/d/*"], "network": ["proxy"], "inline_script": false,
                "action": "require_approval", "reason": "why" } ] }
            """
        let policy = try ExecPolicy.parse(Data(json.utf8))
        let rule = try PolicyRule(
            id: "all", argv0: ["git"], subcommand: ["push"], flags: ["-f"],
            paths: [PathGlob("/x/**"), PathGlob("!/x/y")], destination: [PathGlob("/d/*")], network: [.proxy],
            inlineScript: false,
            action: .requireApproval, reason: "why"
        )
        #expect(policy == ExecPolicy(defaultAction: .deny, network: [.host: .deny], rules: [rule]))
        #expect(try ExecPolicy.parse(JSONEncoder().encode(policy)) == policy)
    }

    @Test("rejects a file larger than the limit")
    func tooLarge() async {
        let data = Data(repeating: UInt8(ascii: " "), count: ExecPolicy.maximumSize + 1)
        let error = await expectError(.policyInvalid) { try ExecPolicy.parse(data) }
        #expect(error?.message == "invalid exec policy: the file is larger than 1048576 bytes")
    }

    @Test("the policy error codes belong to their families")
    func codes() {
        #expect(HangarError.Code.policyInvalid.rawValue == "policy_invalid")
        #expect(HangarError.Code.policyDenied.rawValue == "policy_denied")
        #expect(HangarError.Code.policyDenied.family == .forbidden)
        #expect(HangarError.Code.approvalRequired.rawValue == "approval_required")
        #expect(HangarError.Code.approvalRequired.family == .approvalRequired)
    }
}
