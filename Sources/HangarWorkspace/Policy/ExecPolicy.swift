public import HangarSandbox

/// The declarative exec policy: what Hangar advises before `hangar exec` runs a command in a workspace.
///
/// The policy is advice for the user and the agent, not a security boundary; the sandbox is the enforcement.
/// A command the policy allows still runs within the sandbox's limits, and a disguise the policy does not see
/// through gains nothing the sandbox would not grant anyway. The policy still sees through the easy
/// disguises: wrappers (`env FOO=1 sudo …`, `timeout 5 git push`, `xargs rm -rf`), paths spelled relatively
/// (`../../etc/passwd`), clustered flags (`-rf`) and simple inline shell scripts (`sh -c 'ls; sudo id'`).
/// What inline code does cannot be known in general; the standard policy allows it with a rule of its own
/// (`inline-script`) and leaves it to the sandbox.
///
/// ## Deciding
///
/// A request expands into one or more simple commands:
/// - a wrapper (`env`, `nice`, `nohup`, `timeout`, `stdbuf`, `time`, `command`, `exec`, `xargs`, `sudo`,
///   `doas`, `setsid`, `ionice`, `taskset`, `watch`, `busybox`) and then the command it wraps;
/// - `python3 -m module …` and then `module …`;
/// - `find … -exec command … ;` and then `command …`;
/// - a shell given `-c SCRIPT` (`sh`, `bash`, `dash`, `zsh`, `ksh`, …) and then, as a best effort, each simple
///   command of the script: it is split on `;`, `&&`, `||`, `|`, `&` and newlines with shell quoting, and
///   `cd dir` in it is followed lexically. Scripts with substitutions, expansions, loops or here-documents
///   are *opaque*: the commands found still count, but others may run too.
///
/// For each simple command the first rule whose conditions all hold decides; the network table's action for
/// the requested mode is then applied too, and the stricter of the two wins. When no rule matches, the network
/// table decides, and when it has no entry for the mode, ``defaultAction`` does. A wrapper, and a shell whose
/// script was split completely, only counts when a rule names it. Across the simple commands the strictest
/// action wins, the earliest on a tie. Strictness: `deny` > `require_approval` > `allow_with_checkpoint` >
/// `allow`.
///
/// ## File format
///
/// JSON; unknown keys anywhere, wrong types, unknown actions or network modes, empty lists and bad globs are
/// errors (`policy_invalid`, naming the JSON path such as `$.rules[2].flags[0]`).
///
/// ```json
/// { "version": 1,
///   "default": "allow",
///   "network": { "host": "require_approval", "proxy": "allow", "none": "allow" },
///   "rules": [
///     { "id": "no-privilege", "argv0": ["sudo", "su", "doas"], "action": "deny", "reason": "…" },
///     { "id": "git-push", "argv0": ["git"], "subcommand": ["push"], "action": "require_approval" },
///     { "id": "writes-outside", "argv0": ["rm", "mv"], "paths": ["/**", "!$WORKSPACE/**", "!/tmp/**"],
///       "action": "deny" },
///     { "id": "copies-outside", "argv0": ["cp"], "destination": ["/**", "!$WORKSPACE/**"], "action": "deny" },
///     { "id": "rm-recursive", "argv0": ["rm"], "flags": ["-r", "--recursive"], "action": "allow_with_checkpoint" },
///     { "id": "inline-script", "inline_script": true, "action": "allow" } ] }
/// ```
///
/// - `version` (required): `1`.
/// - `default`: the action when neither a rule nor the network table decides; `allow` if left out.
/// - `network`: an action per network mode (`none`, `proxy`, `host`); modes left out have no entry.
/// - `rules`: in order; each has a unique `id` (letters, digits, `-`, `_`), an `action`, an optional
///   `reason`, and at least one condition: `argv0`, `subcommand`, `flags`, `paths`, `destination`, `network`,
///   `inline_script` (see ``PolicyRule``; globs are described at ``PathGlob``).
///
/// Actions are `allow`, `allow_with_checkpoint`, `deny` and `require_approval`.
public struct ExecPolicy: Sendable, Equatable {
    /// The file format version this Hangar reads and writes.
    public static let version = 1

    /// The action when neither a rule nor the network table decides.
    public var defaultAction: PolicyAction
    /// The action for each network mode a request may ask for; a mode without an entry defers to the rules
    /// and the default.
    public var network: [NetworkMode: PolicyAction]
    /// The rules, first match wins.
    public var rules: [PolicyRule]

    public init(
        defaultAction: PolicyAction = .allow, network: [NetworkMode: PolicyAction] = [:], rules: [PolicyRule] = []
    ) {
        self.defaultAction = defaultAction
        self.network = network
        self.rules = rules
    }

    /// Decides what to do with `request`; see the type's documentation for how.
    public func decide(_ request: PolicyRequest) -> PolicyDecision {
        guard !request.argv.isEmpty, !request.argv[0].isEmpty else {
            return PolicyDecision(action: .deny, rule: nil, reason: "the command is empty")
        }
        let root = LexicalPath.resolve(request.workspaceRoot)
        let directory = LexicalPath.resolve(request.workingDirectory, against: root)
        var decision: PolicyDecision?
        for command in CommandExpander.expand(request.argv, workingDirectory: directory) {
            let candidate: PolicyDecision
            if let rule = rules.first(where: { $0.matches(command, network: request.network, workspaceRoot: root) }) {
                candidate = decide(by: rule, network: request.network)
            } else if command.isTransparent {
                continue
            } else {
                candidate = fallback(network: request.network)
            }
            if decision.map({ candidate.action.strictness > $0.action.strictness }) ?? true {
                decision = candidate
            }
        }
        return decision ?? fallback(network: request.network)
    }

    private func decide(by rule: PolicyRule, network mode: NetworkMode) -> PolicyDecision {
        let ruled = PolicyDecision(action: rule.action, rule: rule.id, reason: rule.decisionReason)
        guard let networkAction = network[mode], networkAction.strictness > rule.action.strictness else {
            return ruled
        }
        return networkDecision(networkAction, mode: mode)
    }

    private func fallback(network mode: NetworkMode) -> PolicyDecision {
        if let networkAction = network[mode] {
            return networkDecision(networkAction, mode: mode)
        }
        return PolicyDecision(
            action: defaultAction, rule: nil,
            reason: "no rule matched; the policy's default is \(defaultAction.rawValue)"
        )
    }

    private func networkDecision(_ action: PolicyAction, mode: NetworkMode) -> PolicyDecision {
        PolicyDecision(
            action: action,
            rule: "network.\(mode.rawValue)",
            reason: "the exec policy's network table says \(action.rawValue) for network mode \(mode.rawValue)"
        )
    }
}
