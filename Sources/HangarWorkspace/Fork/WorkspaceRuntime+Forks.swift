import HangarCore

extension WorkspaceRuntime {
    /// Forks a writable workspace from a vault's head, or from a checkpoint (`at: "workspace/checkpoint"`).
    /// O(1): it creates an empty upper and work directory and appends one event; no file is copied.
    public func fork(vault name: String, as workspaceName: String? = nil, at checkpointReference: String? = nil)
        async throws -> Workspace
    {
        let vaultName = try ResourceName(name, kind: "vault").rawValue
        let workspaceName = try ResourceName(workspaceName ?? "ws-\(newLayerID())", kind: "workspace").rawValue
        // A promote holds the vault's lock exclusively; a fork must not see its half-done state.
        let vaultLock = try await FileLock.acquire(
            layout.vaultLock(vaultName), .shared, timeout: FileLock.contendedWait,
            busy: HangarError(.vaultBusy, "vault '\(vaultName)' is being promoted; fork again when it is done"))
        defer { _ = vaultLock }
        let lock = try await lockWorkspace(workspaceName)
        defer { _ = lock }
        let vault = try await vault(vaultName)
        if (try? await workspace(workspaceName)) != nil {
            throw HangarError(.workspaceExists, "a workspace named '\(workspaceName)' exists")
        }
        let layers = try await forkLayers(vault: vault, at: checkpointReference)
        let upper = try makeUpper()
        let now = clock.nowMilliseconds()
        let workspace = Workspace(
            name: workspaceName, vault: vault.name, layers: layers, base: vault.layers, upper: upper, state: .active,
            mechanism: "overlay", mountPoint: nil, createdAt: now, updatedAt: now)
        try await record(
            WorkspaceEventKind.forked, stream: Self.stream(workspaceName),
            [
                "workspace": try JSONValue(encoding: workspace),
                "checkpoint_from": checkpointReference.map { .string($0) } ?? .null,
            ])
        return workspace
    }

    /// Marks a workspace discarded; `gc` reclaims its directories.
    public func discard(_ name: String) async throws -> Workspace {
        let lock = try await lockWorkspace(name)
        defer { _ = lock }
        var workspace = try await activeWorkspace(name)
        try refuseIfMounted(workspace)
        workspace.state = .discarded
        workspace.updatedAt = clock.nowMilliseconds()
        try await record(
            WorkspaceEventKind.discarded, stream: Self.stream(name), ["workspace": try JSONValue(encoding: workspace)])
        return workspace
    }

    /// Makes the workspace's current state the vault's new head, under the vault's lock. The upper is frozen
    /// into a checkpoint first. Refused with `vault_moved` when the vault was promoted since this fork.
    public func promote(_ name: String) async throws -> (vault: Vault, checkpoint: Checkpoint) {
        let candidate = try await activeWorkspace(name)
        let vaultLock = try await FileLock.acquire(
            layout.vaultLock(candidate.vault), .exclusive, timeout: FileLock.contendedWait,
            busy: HangarError(.vaultBusy, "vault '\(candidate.vault)' is busy (a fork or another promote)"))
        defer { _ = vaultLock }
        let lock = try await lockWorkspace(name)
        defer { _ = lock }
        let workspace = try await activeWorkspace(name)
        try refuseIfMounted(workspace)
        var vault = try await vault(workspace.vault)
        guard workspace.base == vault.layers else {
            throw HangarError(
                .vaultMoved, "vault '\(vault.name)' was promoted after this workspace was forked; fork it again")
        }
        var (frozen, checkpoint) = try await freeze(workspace, name: nil)
        vault.layers = frozen.layers
        vault.generation += 1
        vault.updatedAt = clock.nowMilliseconds()
        frozen.base = vault.layers
        try await record([
            (
                WorkspaceEventKind.checkpointed, Self.stream(name),
                [
                    "workspace": try JSONValue(encoding: frozen), "checkpoint": try JSONValue(encoding: checkpoint),
                ]
            ),
            (
                WorkspaceEventKind.vaultPromoted, "vault:\(vault.name)",
                [
                    "vault": try JSONValue(encoding: vault), "from_workspace": .string(name),
                    "checkpoint": try JSONValue(encoding: checkpoint),
                ]
            ),
        ])
        return (vault, checkpoint)
    }

    private func forkLayers(vault: Vault, at reference: String?) async throws -> [String] {
        guard let reference else { return vault.layers }
        let parts = reference.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2 else {
            throw HangarError(.invalidArguments, "--at takes WORKSPACE/CHECKPOINT")
        }
        let source = try await workspace(parts[0])
        guard source.vault == vault.name else {
            throw HangarError(.invalidArguments, "checkpoint '\(reference)' belongs to another vault")
        }
        return try await checkpoint(parts[1], of: parts[0]).layers
    }

    /// A fresh, empty upper layer and its overlay work directory.
    func makeUpper() throws -> String {
        let upper = newLayerID()
        try FileSystem.makeDirectory(layout.layer(upper))
        try FileSystem.makeDirectory(layout.workDirectory(upper))
        return upper
    }

    /// Re-creates an upper directory that the log names but the disk lacks (a crash between the event and
    /// the next start can only lose an empty directory, since uppers are created before their event).
    func ensureUpper(_ workspace: Workspace) throws {
        try FileSystem.makeDirectory(layout.layer(workspace.upper))
        try FileSystem.makeDirectory(layout.workDirectory(workspace.upper))
    }

    func lockWorkspace(_ name: String) async throws -> FileLock {
        try await FileLock.acquire(
            layout.workspaceLock(try ResourceName(name, kind: "workspace").rawValue), .exclusive,
            timeout: configuration.lockTimeout,
            busy: HangarError(.workspaceBusy, "workspace '\(name)' is busy: a command is running in it"))
    }

    func refuseIfMounted(_ workspace: Workspace) throws {
        guard workspace.mountPoint == nil else {
            throw HangarError(.workspaceBusy, "workspace '\(workspace.name)' is mounted; unmount it first")
        }
    }

    static func stream(_ workspace: String) -> String { "workspace:\(workspace)" }

    /// Host paths of the read-only layers, top first (overlayfs `lowerdir` order).
    func lowerDirectories(_ layers: [String]) -> [String] {
        layers.reversed().map(layout.layer)
    }
}
