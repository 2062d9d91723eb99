public import HangarSandbox

/// A command an agent or user asks to run in a workspace, as the exec policy sees it.
public struct PolicyRequest: Sendable, Equatable {
    /// The command and its arguments, exactly as they will be passed to `execve`.
    public var argv: [String]
    /// The absolute working directory inside the sandbox, such as `/workspace/src`. A relative one is taken
    /// relative to ``workspaceRoot``.
    public var workingDirectory: String
    /// Where the workspace is mounted inside the sandbox, normally `/workspace`.
    public var workspaceRoot: String
    /// The network the command asks for.
    public var network: NetworkMode

    public init(
        argv: [String],
        workingDirectory: String = "/workspace",
        workspaceRoot: String = "/workspace",
        network: NetworkMode = .none
    ) {
        self.argv = argv
        self.workingDirectory = workingDirectory
        self.workspaceRoot = workspaceRoot
        self.network = network
    }
}
