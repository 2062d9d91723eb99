import Foundation

/// Where the workspace runtime keeps its files, under `<home>/workspaces`:
///
/// - `layers/<id>/`: every layer, read-only ones (vault imports, checkpoints) and writable uppers alike. A
///   checkpoint does not move a directory: it stops using the upper as an upper and names it a layer.
/// - `work/<id>/`: overlayfs work directories, one per upper.
/// - `locks/`: `flock` files (per vault for promote, per workspace for commands).
/// - `runs/`: scratch directories of running commands (the sandbox's new root).
/// - `trash/`: directories being removed by `gc`.
///
/// Which layers exist is decided by the event log (vault and workspace projections); a directory the log does
/// not reference is garbage for `gc`.
public struct WorkspaceLayout: Sendable {
    public let root: String

    public init(home: String) {
        root = URL(fileURLWithPath: home).standardizedFileURL.appendingPathComponent("workspaces").path
    }

    public var layers: String { root + "/layers" }
    public var work: String { root + "/work" }
    public var locks: String { root + "/locks" }
    public var runs: String { root + "/runs" }
    public var trash: String { root + "/trash" }

    public func layer(_ id: String) -> String { layers + "/" + id }
    public func workDirectory(_ id: String) -> String { work + "/" + id }
    public func vaultLock(_ name: String) -> String { locks + "/vault-" + name }
    public func workspaceLock(_ name: String) -> String { locks + "/workspace-" + name }

    /// Creates the directories. Cheap when they exist.
    func prepare() throws {
        for directory in [layers, work, locks, runs, trash] {
            try FileSystem.makeDirectory(directory)
        }
    }
}
