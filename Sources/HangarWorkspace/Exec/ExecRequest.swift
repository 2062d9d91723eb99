public import HangarSandbox

/// One command to run in a workspace, as `hangar exec` and the `workspace.exec` tool take it.
public struct ExecRequest: Sendable {
    public var argv: [String]
    /// Variables added to the sandbox's minimal environment (`PATH`, `HOME=/tmp`, `LANG`).
    public var environment: [String: String]
    /// The directory to run in, relative to the workspace root (or absolute under `/workspace`).
    public var workingDirectory: String?
    public var timeoutMilliseconds: Int64?
    public var memoryBytes: Int64?
    public var pids: Int?
    public var cpuFraction: Double?
    public var network: NetworkMode
    /// A token from an earlier `approval_required` result, approved by a human since.
    public var approvalToken: String?
    public var outputLimitBytes: Int

    public init(
        argv: [String], environment: [String: String] = [:], workingDirectory: String? = nil,
        timeoutMilliseconds: Int64? = nil, memoryBytes: Int64? = nil, pids: Int? = nil, cpuFraction: Double? = nil,
        network: NetworkMode = .none, approvalToken: String? = nil, outputLimitBytes: Int = 1 << 20
    ) {
        self.argv = argv
        self.environment = environment
        self.workingDirectory = workingDirectory
        self.timeoutMilliseconds = timeoutMilliseconds
        self.memoryBytes = memoryBytes
        self.pids = pids
        self.cpuFraction = cpuFraction
        self.network = network
        self.approvalToken = approvalToken
        self.outputLimitBytes = outputLimitBytes
    }
}
