import HangarCore
import HangarStore

extension WorkspaceRuntime {
    public func vault(_ name: String) async throws -> Vault {
        _ = try ResourceName(name, kind: "vault")
        guard let row = try await storage.projectionRow(WorkspaceProjector.vaults, key: [.text(name)]) else {
            throw HangarError(.vaultNotFound, "no vault named '\(name)'")
        }
        return try Self.decode(row, as: Vault.self)
    }

    public func vaults() async throws -> [Vault] {
        try await storage.projectionRows(WorkspaceProjector.vaults, prefix: [], limit: Self.listLimit)
            .map { try Self.decode($0, as: Vault.self) }
    }

    public func workspace(_ name: String) async throws -> Workspace {
        _ = try ResourceName(name, kind: "workspace")
        guard let row = try await storage.projectionRow(WorkspaceProjector.workspaces, key: [.text(name)]) else {
            throw HangarError(.workspaceNotFound, "no workspace named '\(name)'")
        }
        return try Self.decode(row, as: Workspace.self)
    }

    /// A workspace that has not been discarded.
    func activeWorkspace(_ name: String) async throws -> Workspace {
        let workspace = try await workspace(name)
        guard workspace.state == .active else {
            throw HangarError(.workspaceNotFound, "no workspace named '\(name)'")
        }
        return workspace
    }

    public func workspaces(includeDiscarded: Bool = false) async throws -> [Workspace] {
        try await storage.projectionRows(WorkspaceProjector.workspaces, prefix: [], limit: Self.listLimit)
            .map { try Self.decode($0, as: Workspace.self) }
            .filter { includeDiscarded || $0.state == .active }
    }

    /// The checkpoints of a workspace, oldest first.
    public func checkpoints(of workspace: String) async throws -> [Checkpoint] {
        _ = try await self.workspace(workspace)
        return try await storedCheckpoints(of: workspace)
    }

    func storedCheckpoints(of workspace: String) async throws -> [Checkpoint] {
        try await storage.projectionRows(
            WorkspaceProjector.checkpoints, prefix: [.text(workspace)], limit: Self.listLimit
        )
        .map { try Self.decode($0, as: Checkpoint.self) }
        .sorted { ($0.layers.count, $0.createdAt) < ($1.layers.count, $1.createdAt) }
    }

    func checkpoint(_ name: String, of workspace: String) async throws -> Checkpoint {
        _ = try ResourceName(name, kind: "checkpoint")
        guard
            let row = try await storage.projectionRow(
                WorkspaceProjector.checkpoints, key: [.text(workspace), .text(name)])
        else { throw HangarError(.checkpointNotFound, "workspace '\(workspace)' has no checkpoint '\(name)'") }
        return try Self.decode(row, as: Checkpoint.self)
    }

    static let listLimit = 100_000

    static func decode<T: Decodable>(_ row: ProjectionRow, as type: T.Type) throws -> T {
        guard let body = row.last?.text else { throw HangarError(.internal, "a projection row has no body") }
        return try JSONValue.parse(body).decode(as: type)
    }
}
