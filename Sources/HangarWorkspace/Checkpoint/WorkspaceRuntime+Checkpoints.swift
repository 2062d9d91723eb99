import Foundation
import HangarCore
import Logging

extension WorkspaceRuntime {
    /// Freezes the upper into a read-only layer and starts a fresh upper. No file moves: after `syncfs` the
    /// upper's directory simply becomes a layer, so the cost does not depend on the size of the change.
    public func checkpoint(_ name: String, as checkpointName: String? = nil) async throws -> Checkpoint {
        let lock = try await lockWorkspace(name)
        defer { _ = lock }
        let workspace = try await activeWorkspace(name)
        try refuseIfMounted(workspace)
        let (frozen, checkpoint) = try await freeze(workspace, name: checkpointName)
        try await record(
            WorkspaceEventKind.checkpointed, stream: Self.stream(name),
            ["workspace": try JSONValue(encoding: frozen), "checkpoint": try JSONValue(encoding: checkpoint)])
        return checkpoint
    }

    /// Discards everything above a checkpoint (the latest when `to` is nil; the fork point when there is
    /// none): the workspace gets the checkpoint's layers and a fresh, empty upper. Later checkpoints go.
    public func rollback(_ name: String, to checkpointName: String? = nil) async throws -> (
        workspace: Workspace, checkpoint: Checkpoint?
    ) {
        let lock = try await lockWorkspace(name)
        defer { _ = lock }
        var workspace = try await activeWorkspace(name)
        try refuseIfMounted(workspace)
        let all = try await storedCheckpoints(of: name)
        let target: Checkpoint?
        if let checkpointName {
            target = try await checkpoint(checkpointName, of: name)
        } else {
            target = all.last
        }
        let removed = all.filter { $0.layers.count > (target?.layers.count ?? 0) && $0.name != target?.name }
        workspace.layers = target?.layers ?? forkPointLayers(workspace, checkpoints: all)
        workspace.upper = try makeUpper()
        workspace.updatedAt = clock.nowMilliseconds()
        try await record(
            WorkspaceEventKind.rolledBack, stream: Self.stream(name),
            [
                "workspace": try JSONValue(encoding: workspace),
                "checkpoint": try target.map { try JSONValue(encoding: $0) } ?? .null,
                "removed_checkpoints": .array(removed.map { .string($0.name) }),
            ])
        return (workspace, target)
    }

    /// Syncs the upper and turns it into the top read-only layer; returns the workspace with a new upper and
    /// the checkpoint describing the frozen state. The caller appends the event.
    func freeze(_ workspace: Workspace, name: String?) async throws -> (Workspace, Checkpoint) {
        try ensureUpper(workspace)
        let checkpointName = try await uniqueCheckpointName(name, workspace: workspace.name)
        try FileSystem.sync(layout.layer(workspace.upper))
        var frozen = workspace
        frozen.layers.append(workspace.upper)
        if frozen.layers.count > configuration.maxLayers {
            frozen.layers = try squash(frozen.layers)
        }
        frozen.upper = try makeUpper()
        frozen.updatedAt = clock.nowMilliseconds()
        let checkpoint = Checkpoint(
            workspace: workspace.name, name: checkpointName, layers: frozen.layers, createdAt: frozen.updatedAt)
        return (frozen, checkpoint)
    }

    /// Merges every layer above the first half of `maxLayers` into one new layer; the content is unchanged.
    private func squash(_ layers: [String]) throws -> [String] {
        let keep = max(1, configuration.maxLayers / 2)
        let merged = newLayerID()
        let directory = layout.layer(merged)
        do {
            try LayerSquash.merge(layers[keep...].map(layout.layer), into: directory)
            try FileSystem.sync(directory)
        } catch {
            try? FileSystem.removeTree(directory)
            throw error
        }
        logger.info("squashed layers", metadata: ["workspace.layers": "\(layers.count)", "workspace.kept": "\(keep)"])
        return Array(layers[..<keep]) + [merged]
    }

    /// The given name (which must be new), or a timestamp with milliseconds, moved on by a millisecond while
    /// it is taken.
    private func uniqueCheckpointName(_ name: String?, workspace: String) async throws -> String {
        let taken = Set(try await storedCheckpoints(of: workspace).map(\.name))
        if let name {
            let valid = try ResourceName(name, kind: "checkpoint").rawValue
            guard !taken.contains(valid) else {
                throw HangarError(.checkpointExists, "workspace '\(workspace)' already has a checkpoint '\(valid)'")
            }
            return valid
        }
        var milliseconds = clock.nowMilliseconds()
        while taken.contains(Self.timestampName(milliseconds)) { milliseconds += 1 }
        return Self.timestampName(milliseconds)
    }

    /// `20261121T084313.123Z`: sortable, a valid resource name, unique at millisecond resolution.
    static func timestampName(_ milliseconds: Int64) -> String {
        let date = Date(timeIntervalSince1970: Double(milliseconds / 1000))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ value: Int?) -> String { String(format: "%02d", value ?? 0) }
        return String(format: "%04d", parts.year ?? 0) + two(parts.month) + two(parts.day) + "T" + two(parts.hour)
            + two(parts.minute) + two(parts.second) + "." + String(format: "%03d", Int(milliseconds % 1000)) + "Z"
    }

    /// The layers the workspace was forked with: those under its first checkpoint's frozen upper, or all of
    /// them when it has none.
    private func forkPointLayers(_ workspace: Workspace, checkpoints: [Checkpoint]) -> [String] {
        guard let first = checkpoints.first else { return workspace.layers }
        return Array(first.layers.dropLast())
    }
}
