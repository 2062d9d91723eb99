/// One command to run in a sandbox: what to run, what it sees and what it may use.
public struct SandboxSpec: Sendable {
    /// The command and its arguments; `argv[0]` is looked up in the command's `PATH`.
    public var argv: [String]
    /// Exactly the command's environment. The runner adds `PATH`, `HOME=/tmp` and `LANG=C.UTF-8` only where
    /// they are absent.
    public var environment: [String: String]
    /// Absolute path inside the sandbox the command starts in.
    public var workingDirectory: String
    /// The workspace overlay mounted read-write at `/workspace`; without one `/workspace` is an empty tmpfs.
    public var workspace: SandboxOverlay?
    /// Host paths masked inside the sandbox by an empty read-only mount (the state directory, for example).
    public var hiddenPaths: [String]
    public var limits: SandboxLimits
    /// `.none` and `.host` are implemented; `.proxy` fails with `network_mode_unavailable`.
    public var network: NetworkMode
    /// The most bytes kept per stream; the rest is read and dropped, and the result says it was truncated.
    public var outputLimitBytes: Int

    public init(
        argv: [String], environment: [String: String] = [:], workingDirectory: String = "/workspace",
        workspace: SandboxOverlay? = nil, hiddenPaths: [String] = [], limits: SandboxLimits = SandboxLimits(),
        network: NetworkMode = .none, outputLimitBytes: Int = 1 << 20
    ) {
        self.argv = argv
        self.environment = environment
        self.workingDirectory = workingDirectory
        self.workspace = workspace
        self.hiddenPaths = hiddenPaths
        self.limits = limits
        self.network = network
        self.outputLimitBytes = outputLimitBytes
    }
}
