import HangarCore

extension WorkspaceRuntime {
    /// What changed in the workspace since its last checkpoint (or fork), or since `checkpoint`: a walk of
    /// the upper layer(s) only, so the cost grows with the change, not the tree.
    public func delta(_ name: String, since checkpointName: String? = nil, includeDiff: Bool = false) async throws
        -> WorkspaceDelta
    {
        let lock = try await lockWorkspace(name)
        defer { _ = lock }
        let workspace = try await activeWorkspace(name)
        try ensureUpper(workspace)
        var lower = workspace.layers
        if let checkpointName {
            let checkpoint = try await checkpoint(checkpointName, of: name)
            lower = checkpoint.layers
        }
        guard workspace.layers.starts(with: lower) else {
            throw HangarError(
                .checkpointNotFound, "checkpoint '\(checkpointName ?? "")' is not below the current state")
        }
        let above = workspace.layers.dropFirst(lower.count) + [workspace.upper]
        let after = try LayerScanner.scan(layers: lowerDirectories(Array(above)))
        return try DeltaComputer.delta(
            before: LayerScan(), after: after, lowerLayers: lowerDirectories(lower), includeDiff: includeDiff)
    }
}
