import ArgumentParser
import HangarWorkspace

/// `hangar approve TOKEN`: a human approves the one command a token was issued for.
struct ApproveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve", abstract: "Approve a command that the policy held for approval.")

    @Argument(help: "The token `hangar exec` printed.") var token: String
    @OptionGroup var storage: StorageOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        try await CommandRunner.emit(json: output.json) {
            try await storage.withWorkspaces { try await $0.approve(token, by: CommandActor.current) }
        } describe: {
            "approved: \($0.argv.joined(separator: " ")) in \($0.workspace)"
        }
    }
}
