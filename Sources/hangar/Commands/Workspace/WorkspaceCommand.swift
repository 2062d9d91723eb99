import ArgumentParser
import HangarWorkspace

/// `hangar workspace …`: forks, checkpoints, rollbacks, deltas, mounts and garbage collection.
struct WorkspaceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workspace", abstract: "Manage workspaces: copy-on-write forks of a vault.",
        subcommands: [
            Fork.self, List.self, Show.self, Discard.self, Promote.self, Checkpoint.self, Rollback.self,
            Checkpoints.self, Delta.self, Mount.self, Unmount.self, Collect.self,
        ])

    struct Fork: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Fork a writable workspace from a vault.")
        @Argument(help: "The vault.") var vault: String
        @Option(help: "The workspace's name (default: generated).") var name: String?
        @Option(help: "Fork from a checkpoint instead of the vault's head: WORKSPACE/CHECKPOINT.") var at: String?
        @OptionGroup var storage: StorageOptions
        @OptionGroup var output: OutputOptions

        func run() async throws {
            try await CommandRunner.emit(json: output.json) {
                try await storage.withWorkspaces { try await $0.fork(vault: vault, as: name, at: at) }
            } describe: {
                "\($0.name)"
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List workspaces.")
        @Flag(help: "Include discarded workspaces.") var all = false
        @OptionGroup var storage: StorageOptions
        @OptionGroup var output: OutputOptions

        func run() async throws {
            try await CommandRunner.emit(json: output.json) {
                try await storage.withWorkspaces { try await $0.workspaces(includeDiscarded: all) }
            } describe: { list in
                list.map { "\($0.name)\tvault=\($0.vault)\t\($0.state.rawValue)\tlayers=\($0.layers.count)" }
                    .joined(separator: "\n")
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a workspace.")
        @Argument var workspace: String
        @OptionGroup var storage: StorageOptions
        @OptionGroup var output: OutputOptions

        func run() async throws {
            try await CommandRunner.emit(json: output.json) {
                try await storage.withWorkspaces { try await $0.workspace(workspace) }
            } describe: {
                "\($0.name)\tvault=\($0.vault)\t\($0.state.rawValue)\tlayers=\($0.layers.count)\tmechanism=\($0.mechanism)"
            }
        }
    }

    struct Discard: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Discard a workspace (gc reclaims its space).")
        @Argument var workspace: String
        @OptionGroup var storage: StorageOptions
        @OptionGroup var output: OutputOptions

        func run() async throws {
            try await CommandRunner.emit(json: output.json) {
                try await storage.withWorkspaces { try await $0.discard(workspace) }
            } describe: {
                "discarded \($0.name)"
            }
        }
    }

    struct Promote: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make the workspace's state the vault's new head.")
        @Argument var workspace: String
        @OptionGroup var storage: StorageOptions
        @OptionGroup var output: OutputOptions

        func run() async throws {
            try await CommandRunner.emit(json: output.json) {
                try await storage.withWorkspaces { runtime in
                    let (vault, checkpoint) = try await runtime.promote(workspace)
                    return Promoted(vault: vault, checkpoint: checkpoint)
                }
            } describe: {
                "promoted \(workspace) into \($0.vault.name) (generation \($0.vault.generation))"
            }
        }

        struct Promoted: Encodable {
            var vault: Vault
            var checkpoint: HangarWorkspace.Checkpoint
        }
    }
}
