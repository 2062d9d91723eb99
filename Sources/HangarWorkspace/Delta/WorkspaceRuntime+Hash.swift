extension WorkspaceRuntime {
    /// A SHA-256 of the workspace's whole tree as a command inside it sees it (paths, kinds, permission bits,
    /// contents, link targets; not times or owners), computed from the layers without mounting them.
    public func treeHash(_ name: String) async throws -> String {
        let workspace = try await activeWorkspace(name)
        try ensureUpper(workspace)
        return try TreeHash.layers([layout.layer(workspace.upper)] + lowerDirectories(workspace.layers))
    }

    /// The same hash of a vault's head.
    public func treeHash(vault name: String) async throws -> String {
        try TreeHash.layers(lowerDirectories(try await vault(name).layers))
    }

    /// The same hash of a checkpoint's state.
    public func treeHash(_ name: String, checkpoint: String) async throws -> String {
        try TreeHash.layers(lowerDirectories(try await self.checkpoint(checkpoint, of: name).layers))
    }
}
