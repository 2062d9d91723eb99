import HangarCore
public import HangarStore

/// Keeps the vault, workspace, checkpoint and approval tables from the workspace events. Rows hold the record
/// as canonical JSON in `body`, plus the columns that lists filter on.
public struct WorkspaceProjector: Projector {
    public static let vaults = ProjectionTable(
        name: "hangar_vaults", columns: [.init("name", .text), .init("body", .text)])
    public static let workspaces = ProjectionTable(
        name: "hangar_workspaces",
        columns: [.init("name", .text), .init("vault", .text), .init("state", .text), .init("body", .text)],
        indexes: [["vault"]])
    public static let checkpoints = ProjectionTable(
        name: "hangar_checkpoints",
        columns: [
            .init("workspace", .text), .init("name", .text), .init("created_at", .integer), .init("body", .text),
        ],
        keyCount: 2)
    public static let approvals = ProjectionTable(
        name: "hangar_approvals", columns: [.init("id", .text), .init("state", .text), .init("body", .text)])

    public init() {}

    public var tables: [ProjectionTable] { [Self.vaults, Self.workspaces, Self.checkpoints, Self.approvals] }

    public var kindPrefixes: [String] { ["vault.", "workspace.", "approval."] }

    public func writes(for event: Event) -> [ProjectionWrite] {
        let payload = event.payload
        var writes: [ProjectionWrite] = []
        if let vault = payload["vault"], let record = try? vault.decode(as: Vault.self) {
            if event.kind == WorkspaceEventKind.vaultDeleted {
                writes.append(.delete(Self.vaults, key: [.text(record.name)]))
            } else {
                writes.append(.upsert(Self.vaults, [.text(record.name), .text(vault.canonicalString())]))
            }
        }
        if let workspace = payload["workspace"], let record = try? workspace.decode(as: Workspace.self) {
            if event.kind == WorkspaceEventKind.collected {
                writes.append(.delete(Self.workspaces, key: [.text(record.name)]))
            } else {
                writes.append(
                    .upsert(
                        Self.workspaces,
                        [
                            .text(record.name), .text(record.vault), .text(record.state.rawValue),
                            .text(workspace.canonicalString()),
                        ]))
            }
            for name in payload["removed_checkpoints"]?.arrayValue ?? [] {
                guard let name = name.stringValue else { continue }
                writes.append(.delete(Self.checkpoints, key: [.text(record.name), .text(name)]))
            }
        }
        if let checkpoint = payload["checkpoint"], let record = try? checkpoint.decode(as: Checkpoint.self),
            event.kind != WorkspaceEventKind.rolledBack
        {
            writes.append(
                .upsert(
                    Self.checkpoints,
                    [
                        .text(record.workspace), .text(record.name), .integer(record.createdAt),
                        .text(checkpoint.canonicalString()),
                    ]))
        }
        if let approval = payload["approval"], let record = try? approval.decode(as: Approval.self) {
            writes.append(
                .upsert(
                    Self.approvals, [.text(record.id), .text(record.state.rawValue), .text(approval.canonicalString())])
            )
        }
        return writes
    }
}

extension ProjectionSet {
    /// The store's projections with the workspace runtime's tables added.
    public static var withWorkspaces: ProjectionSet { ProjectionSet(adding: [WorkspaceProjector()]) }
}
