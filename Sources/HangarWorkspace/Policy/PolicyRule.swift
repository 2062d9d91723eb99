public import HangarSandbox

/// One rule of an ``ExecPolicy``: conditions on a command and the action to take when all of them hold.
///
/// A rule names at least one condition; a condition it leaves out (`nil`) always holds. Lists are never
/// empty; a list condition holds when any entry does.
public struct PolicyRule: Sendable, Equatable {
    /// A unique name for the rule, reported in ``PolicyDecision/rule``: letters, digits, `-` and `_`.
    public var id: String
    /// The command's name, compared with the basename of `argv[0]` (`/usr/bin/sudo` is `sudo`).
    public var argv0: [String]?
    /// The first argument after `argv[0]` that is not an option; for `git`, `cargo`, `npm` and a few other
    /// tools, global options with values are skipped (`git -C dir push` has the subcommand `push`).
    public var subcommand: [String]?
    /// Arguments, compared exactly, before `--`; a cluster of short flags such as `-rf` counts for `-r`.
    public var flags: [String]?
    /// Globs over the command's path arguments (see ``PathGlob``). An argument is a path when it is `.` or
    /// `..` or contains `/`; the value of `--option=value` and of `name=value` operands (`dd of=/etc/x`)
    /// counts too, and after `--` every operand does. Bare names such as `build` are not paths: they stay in
    /// the working directory. Paths are resolved lexically against the command's working directory (see
    /// ``LexicalPath``). The condition holds when some path argument matches a glob without `!` and none of
    /// the `!` globs.
    public var paths: [PathGlob]?
    /// Globs over where a copying command (`cp`, `ln`, `install`, `rsync`) writes: the value of `-t DIR` or
    /// `--target-directory=DIR`, else the last operand, whether or not it looks like a path. Reading a source
    /// outside a glob does not make it match: `cp /etc/hosts .` writes to `.`. `!` globs exclude as in
    /// ``paths``.
    public var destination: [PathGlob]?
    /// The network modes the request asks for.
    public var network: [NetworkMode]?
    /// `true`: the command is an interpreter given code inline (`sh -c`, `python3 -c`, `perl -e`, `node -e`).
    /// `false`: it is not.
    public var inlineScript: Bool?
    /// What to do when the rule matches.
    public var action: PolicyAction
    /// Why, in words safe to show; decisions fall back to a generic reason when it is missing.
    public var reason: String?

    public init(
        id: String,
        argv0: [String]? = nil,
        subcommand: [String]? = nil,
        flags: [String]? = nil,
        paths: [PathGlob]? = nil,
        destination: [PathGlob]? = nil,
        network: [NetworkMode]? = nil,
        inlineScript: Bool? = nil,
        action: PolicyAction,
        reason: String? = nil
    ) {
        self.id = id
        self.argv0 = argv0
        self.subcommand = subcommand
        self.flags = flags
        self.paths = paths
        self.destination = destination
        self.network = network
        self.inlineScript = inlineScript
        self.action = action
        self.reason = reason
    }

    /// Whether every condition the rule names holds for `command`.
    func matches(_ command: PolicyCommand, network mode: NetworkMode, workspaceRoot: String) -> Bool {
        if let argv0, !argv0.contains(command.name) { return false }
        if let network, !network.contains(mode) { return false }
        if let inlineScript, inlineScript != command.hasInlineScript { return false }
        if let subcommand {
            guard let actual = command.subcommand, subcommand.contains(actual) else { return false }
        }
        if let flags, !command.hasAnyFlag(of: flags) { return false }
        if let paths, !command.pathArguments.contains(where: { Self.matches(paths, $0, workspaceRoot) }) {
            return false
        }
        if let destination {
            guard let target = command.destination, Self.matches(destination, target, workspaceRoot) else {
                return false
            }
        }
        return true
    }

    /// Whether `path` matches one of the globs without `!` and none of those with `!`.
    private static func matches(_ globs: [PathGlob], _ path: String, _ workspaceRoot: String) -> Bool {
        globs.contains { !$0.isExclusion && $0.matches(path, workspaceRoot: workspaceRoot) }
            && !globs.contains { $0.isExclusion && $0.matches(path, workspaceRoot: workspaceRoot) }
    }

    /// The reason a decision by this rule gives.
    var decisionReason: String {
        reason ?? "matched the exec policy rule \(id)"
    }
}
