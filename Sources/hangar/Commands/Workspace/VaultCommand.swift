import ArgumentParser
import HangarWorkspace

/// `hangar vault create|list|show|delete`.
struct VaultCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vault", abstract: "Manage vaults: read-only trees that workspaces fork from.",
        subcommands: [Create.self, List.self, Show.self, Delete.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a vault, importing a directory (a git checkout included, .git kept).")
        @Argument(help: "The vault's name.") var name: String
        @Option(help: "The directory to import.") var from: String?
        @OptionGroup var storage: StorageOptions
        @OptionGroup var output: OutputOptions

        func run() async throws {
            try await CommandRunner.emit(json: output.json) {
                try await storage.withWorkspaces { try await $0.createVault(name, from: from) }
            } describe: {
                "created vault \($0.name)"
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List vaults.")
        @OptionGroup var storage: StorageOptions
        @OptionGroup var output: OutputOptions

        func run() async throws {
            try await CommandRunner.emit(json: output.json) {
                try await storage.withWorkspaces { try await $0.vaults() }
            } describe: { vaults in
                vaults.map { "\($0.name)\tlayers=\($0.layers.count)\tgeneration=\($0.generation)" }
                    .joined(separator: "\n")
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a vault.")
        @Argument var name: String
        @OptionGroup var storage: StorageOptions
        @OptionGroup var output: OutputOptions

        func run() async throws {
            try await CommandRunner.emit(json: output.json) {
                try await storage.withWorkspaces { try await $0.vault(name) }
            } describe: {
                "\($0.name)\tlayers=\($0.layers.count)\tgeneration=\($0.generation)"
            }
        }
    }

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Delete a vault (its workspaces keep working until they are discarded).")
        @Argument var name: String
        @OptionGroup var storage: StorageOptions
        @OptionGroup var output: OutputOptions

        func run() async throws {
            try await CommandRunner.emit(json: output.json) {
                try await storage.withWorkspaces { try await $0.deleteVault(name) }
            } describe: {
                "deleted vault \($0.name)"
            }
        }
    }
}
