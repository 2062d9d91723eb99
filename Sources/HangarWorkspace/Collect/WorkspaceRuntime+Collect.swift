import Foundation
import HangarCore

extension WorkspaceRuntime {
    /// Reclaims discarded workspaces, layers nothing references any more (rolled-back uppers, abandoned
    /// checkpoints, directories left by a crash between a fork and its event) and scratch directories of
    /// commands that died with their process. Anything younger than `grace` is left alone, so a fork that is
    /// between creating its directories and appending its event is never collected.
    public func collectGarbage(grace: Duration = .seconds(60)) async throws -> CollectionReport {
        var collected: [String] = []
        for workspace in try await workspaces(includeDiscarded: true) where workspace.state == .discarded {
            let removed = try await storedCheckpoints(of: workspace.name).map { JSONValue.string($0.name) }
            try await record(
                WorkspaceEventKind.collected, stream: Self.stream(workspace.name),
                ["workspace": try JSONValue(encoding: workspace), "removed_checkpoints": .array(removed)])
            collected.append(workspace.name)
        }
        var referenced: Set<String> = []
        var uppers: Set<String> = []
        for vault in try await vaults() { referenced.formUnion(vault.layers) }
        for workspace in try await workspaces() {
            referenced.formUnion(workspace.layers)
            referenced.insert(workspace.upper)
            uppers.insert(workspace.upper)
            for checkpoint in try await storedCheckpoints(of: workspace.name) {
                referenced.formUnion(checkpoint.layers)
            }
        }
        let cutoff = clock.nowMilliseconds() - Int64(grace.components.seconds * 1000)
        let layers = try removeUnreferenced(in: layout.layers, keeping: referenced, olderThan: cutoff)
        let work = try removeUnreferenced(in: layout.work, keeping: uppers, olderThan: cutoff)
        var scratch = 0
        for entry in FileSystem.entries(layout.runs) where !OverlayMount.isMountPoint(layout.runs + "/" + entry) {
            let path = layout.runs + "/" + entry
            if let age = Self.modifiedMilliseconds(path), age < cutoff {
                try FileSystem.removeTree(path)
                scratch += 1
            }
        }
        let report = CollectionReport(workspaces: collected, layers: layers, workDirectories: work, scratch: scratch)
        try await record(WorkspaceEventKind.collectedGarbage, stream: "workspaces", try JSONValue(encoding: report))
        return report
    }

    /// Removes the entries of `directory` (layer ids, which are ULIDs) that are not in `keeping` and were made
    /// before `cutoff`. A name that is not a ULID is not Hangar's and stays.
    private func removeUnreferenced(in directory: String, keeping: Set<String>, olderThan cutoff: Int64) throws -> Int {
        var removed = 0
        for entry in FileSystem.entries(directory) where !keeping.contains(entry) {
            guard let id = ULID(string: entry.uppercased()), id.milliseconds < cutoff else { continue }
            try FileSystem.removeTree(directory + "/" + entry)
            removed += 1
        }
        return removed
    }

    private static func modifiedMilliseconds(_ path: String) -> Int64? {
        guard let date = try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date else {
            return nil
        }
        return Int64(date.timeIntervalSince1970 * 1000)
    }
}
