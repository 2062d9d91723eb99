import ArgumentParser
import HangarWorkspace

extension WorkspaceCommand {
    struct Checkpoint: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Freeze the workspace's state into a checkpoint and start a fresh upper layer.")
        @Argument var workspace: String
        @Option(help: "The checkpoint's name (default: the time, to the millisecond).") var name: String?
        @OptionGroup var storage: StorageOptions
        @OptionGroup var output: OutputOptions

        func run() async throws {
            try await CommandRunner.emit(json: output.json) {
                try await storage.withWorkspaces { try await $0.checkpoint(workspace, as: name) }
            } describe: {
                $0.name
            }
        }
    }

    struct Rollback: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Discard everything above a checkpoint (default: the latest).")
        @Argument var workspace: String
        @Option(help: "The checkpoint to return to.") var to: String?
        @OptionGroup var storage: StorageOptions
        @OptionGroup var output: OutputOptions

        func run() async throws {
            try await CommandRunner.emit(json: output.json) {
                try await storage.withWorkspaces { runtime in
                    let (workspace, checkpoint) = try await runtime.rollback(workspace, to: to)
                    return RolledBack(workspace: workspace, checkpoint: checkpoint)
                }
            } describe: {
                "rolled back \($0.workspace.name) to \($0.checkpoint?.name ?? "its fork point")"
            }
        }

        struct RolledBack: Encodable {
            var workspace: Workspace
            var checkpoint: HangarWorkspace.Checkpoint?
        }
    }

    struct Checkpoints: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List a workspace's checkpoints, oldest first.")
        @Argument var workspace: String
        @OptionGroup var storage: StorageOptions
        @OptionGroup var output: OutputOptions

        func run() async throws {
            try await CommandRunner.emit(json: output.json) {
                try await storage.withWorkspaces { try await $0.checkpoints(of: workspace) }
            } describe: {
                $0.map(\.name).joined(separator: "\n")
            }
        }
    }

    struct Delta: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show exactly what changed since the last checkpoint (or --since one).")
        @Argument var workspace: String
        @Option(help: "A checkpoint to compare with.") var since: String?
        @Flag(help: "Add a unified diff of text files.") var diff = false
        @OptionGroup var storage: StorageOptions
        @OptionGroup var output: OutputOptions

        func run() async throws {
            try await CommandRunner.emit(json: output.json) {
                try await storage.withWorkspaces { try await $0.delta(workspace, since: since, includeDiff: diff) }
            } describe: { delta in
                var lines = delta.added.map { "A \($0)" } + delta.modified.map { "M \($0)" }
                lines += delta.deleted.map { "D \($0)" } + delta.modeChanged.map { "P \($0)" }
                if let text = delta.diff { lines.append(text) }
                return lines.joined(separator: "\n")
            }
        }
    }

    struct Mount: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Mount the workspace at a directory for interactive use.")
        @Argument var workspace: String
        @Argument(help: "An empty directory.") var directory: String
        @OptionGroup var storage: StorageOptions
        @OptionGroup var output: OutputOptions

        func run() async throws {
            try await CommandRunner.emit(json: output.json) {
                try await storage.withWorkspaces { try await $0.mount(workspace, at: directory) }
            } describe: {
                "mounted \($0.name) at \($0.mountPoint ?? directory)"
            }
        }
    }

    struct Unmount: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Unmount a mounted workspace.")
        @Argument var workspace: String
        @OptionGroup var storage: StorageOptions
        @OptionGroup var output: OutputOptions

        func run() async throws {
            try await CommandRunner.emit(json: output.json) {
                try await storage.withWorkspaces { try await $0.unmount(workspace) }
            } describe: {
                "unmounted \($0.name)"
            }
        }
    }

    struct Collect: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "gc", abstract: "Reclaim discarded workspaces and layers nothing references.")
        @OptionGroup var storage: StorageOptions
        @OptionGroup var output: OutputOptions

        func run() async throws {
            try await CommandRunner.emit(json: output.json) {
                try await storage.withWorkspaces { try await $0.collectGarbage() }
            } describe: {
                "collected \($0.workspaces.count) workspaces, \($0.layers) layers"
            }
        }
    }
}
