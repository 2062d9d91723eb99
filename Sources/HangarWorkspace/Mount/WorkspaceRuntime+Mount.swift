import Foundation
import HangarCore

extension WorkspaceRuntime {
    /// Mounts the workspace at `directory` on the host for interactive use. While it is mounted, commands,
    /// checkpoints and rollbacks are refused (two mounts must never share an upper).
    public func mount(_ name: String, at directory: String) async throws -> Workspace {
        let lock = try await lockWorkspace(name)
        defer { _ = lock }
        var workspace = try await activeWorkspace(name)
        try refuseIfMounted(workspace)
        try ensureUpper(workspace)
        let target = URL(fileURLWithPath: directory).standardizedFileURL.path
        if FileSystem.exists(target), !FileSystem.entries(target).isEmpty {
            throw HangarError(.invalidArguments, "the mount point must be an empty directory")
        }
        try OverlayMount.mount(
            lower: lowerDirectories(workspace.layers), upper: layout.layer(workspace.upper),
            work: layout.workDirectory(workspace.upper), at: target)
        workspace.mountPoint = target
        workspace.updatedAt = clock.nowMilliseconds()
        do {
            try await record(
                WorkspaceEventKind.mounted, stream: Self.stream(name), ["workspace": try JSONValue(encoding: workspace)]
            )
        } catch {
            try? OverlayMount.unmount(target)
            throw error
        }
        return workspace
    }

    /// Unmounts a workspace mounted with ``mount(_:at:)``.
    public func unmount(_ name: String) async throws -> Workspace {
        let lock = try await lockWorkspace(name)
        defer { _ = lock }
        var workspace = try await activeWorkspace(name)
        guard let target = workspace.mountPoint else {
            throw HangarError(.invalidArguments, "workspace '\(name)' is not mounted")
        }
        try OverlayMount.unmount(target)
        workspace.mountPoint = nil
        workspace.updatedAt = clock.nowMilliseconds()
        try await record(
            WorkspaceEventKind.unmounted, stream: Self.stream(name), ["workspace": try JSONValue(encoding: workspace)])
        return workspace
    }

    /// Runs `body` with the workspace mounted at a private scratch directory, then unmounts it.
    func withScratchMount<T>(_ workspace: Workspace, _ body: (String) throws -> T) throws -> T {
        try ensureUpper(workspace)
        let target = layout.runs + "/mnt-" + newLayerID()
        try OverlayMount.mount(
            lower: lowerDirectories(workspace.layers), upper: layout.layer(workspace.upper),
            work: layout.workDirectory(workspace.upper), at: target)
        defer {
            try? OverlayMount.unmount(target)
            rmdir(target)
        }
        return try body(target)
    }
}
