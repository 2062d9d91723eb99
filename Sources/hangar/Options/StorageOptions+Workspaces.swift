import HangarServer
import HangarStore
import HangarWorkspace
import Logging

extension StorageOptions {
    /// Opens the store and the workspace runtime on the configured state directory, runs `body`, closes the
    /// store. Events name `cli:$USER` as their actor.
    func withWorkspaces<T>(_ body: (WorkspaceRuntime) async throws -> T) async throws -> T {
        try await withStore { store, configuration in
            let runtime = try WorkspaceRuntime(
                configuration: .load(home: configuration.home), storage: store,
                actor: CommandActor.current, logger: Logger(label: "hangar.workspace"))
            return try await body(runtime)
        }
    }
}
