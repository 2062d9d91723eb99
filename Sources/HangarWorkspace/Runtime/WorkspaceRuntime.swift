public import HangarCore
public import HangarSandbox
public import HangarStore
public import Logging

/// The workspace runtime (layer 1): vaults, copy-on-write forks, checkpoints and rollback, sandboxed commands
/// and exact deltas.
///
/// File-system state lives under ``WorkspaceLayout``; which layers make up which vault, workspace and
/// checkpoint is decided by the event log, through ``WorkspaceProjector``. Every operation does its
/// file-system work first (creating directories only, never deleting) and then appends its event, so a crash
/// in between leaves at most an unreferenced directory, which `gc` removes. Operations on one workspace are
/// serialised by a `flock` on its lock file, so several `hangar` processes can share a state directory.
public struct WorkspaceRuntime: Sendable {
    public struct Configuration: Sendable {
        /// The state directory (`HANGAR_HOME`); workspaces live in its `workspaces/` folder.
        public var home: String
        /// The sandbox helper: `hangar-sandbox`, or the `hangar` binary in its hidden mode.
        public var helperExecutable: String
        /// The policy every command is checked against.
        public var policy: ExecPolicy
        /// How long an approval token stays valid.
        public var approvalLifetimeMilliseconds: Int64
        /// How long an operation waits for a workspace another command is using.
        public var lockTimeout: Duration
        /// Above this many layers a checkpoint squashes the workspace's own layers into one.
        public var maxLayers: Int

        public init(
            home: String, helperExecutable: String = SandboxRunner.helper(),
            policy: ExecPolicy = .standard, approvalLifetimeMilliseconds: Int64 = 15 * 60 * 1000,
            lockTimeout: Duration = .seconds(2), maxLayers: Int = 32
        ) {
            self.home = home
            self.helperExecutable = helperExecutable
            self.policy = policy
            self.approvalLifetimeMilliseconds = approvalLifetimeMilliseconds
            self.lockTimeout = lockTimeout
            self.maxLayers = maxLayers
        }

        /// The configuration for a state directory: its `policy.json` when present (see
        /// ``ExecPolicy/load(home:)``), the standard policy otherwise, and the default helper.
        public static func load(home: String) throws -> Configuration {
            Configuration(home: home, policy: try ExecPolicy.load(home: home))
        }
    }

    public let configuration: Configuration
    public let storage: any HangarStorage
    public let layout: WorkspaceLayout
    let clock: HangarClock
    let logger: Logger
    /// Made once: creating a runner sweeps cgroups and scratch directories that crashed runs left behind, which
    /// belongs at start-up, not in front of every command.
    let sandbox: SandboxRunner
    /// Who the events name as the actor.
    public var actor: String

    public init(
        configuration: Configuration, storage: any HangarStorage, clock: HangarClock = .system,
        actor: String = "system", logger: Logger = Logger(label: "hangar.workspace")
    ) throws {
        self.configuration = configuration
        self.storage = storage
        self.layout = WorkspaceLayout(home: configuration.home)
        self.clock = clock
        self.actor = actor
        self.logger = logger
        try layout.prepare()
        sandbox = SandboxRunner(
            helperExecutable: configuration.helperExecutable, runDirectory: layout.runs, logger: logger)
    }

    /// The same runtime, recording `actor` on the events it writes.
    public func acting(as actor: String) -> WorkspaceRuntime {
        var copy = self
        copy.actor = actor
        return copy
    }

    func newLayerID() -> String { ULID(clock: clock).description.lowercased() }

    @discardableResult
    func record(_ kind: String, stream: String, _ payload: JSONValue) async throws -> AppendedEvent {
        try await storage.append(EventDraft(stream: stream, kind: kind, actor: actor, payload: payload))
    }

    func record(_ drafts: [(kind: String, stream: String, payload: JSONValue)]) async throws {
        _ = try await storage.append(
            drafts.map { EventDraft(stream: $0.stream, kind: $0.kind, actor: actor, payload: $0.payload) })
    }
}
