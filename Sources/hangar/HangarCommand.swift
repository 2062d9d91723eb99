import ArgumentParser
import Foundation
import HangarCore
import HangarSandbox

/// `hangar`: parses arguments and calls the libraries; nothing else happens here.
@main
struct HangarCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hangar",
        abstract: "Hangar: the place where AI agents do real work safely.",
        discussion: """
            Exit codes: 0 ok, 1 failure, 2 usage, 3 invalid input, 4 not found, 5 conflict, 6 budget, \
            7 unauthorized or forbidden, 8 unavailable, 9 storage, 10 configuration, 11 approval required, \
            12 timed out, 13 sandbox error, 14 rate limited.
            """,
        subcommands: [
            ServeCommand.self, MCPCommand.self, EventsCommand.self, MigrateCommand.self, VaultCommand.self,
            WorkspaceCommand.self, ExecCommand.self, ApproveCommand.self, DataCommand.self, KeysCommand.self,
            DebugCommand.self,
            LLMCommand.self,
        ]
    )

    @Flag(help: "Print the version.")
    var version = false

    @OptionGroup var output: OutputOptions

    func run() async throws {
        guard version else { throw CleanExit.helpRequest(self) }
        if output.json {
            StandardOutput.line(try Envelope.success(["version": HangarVersion.current]))
        } else {
            StandardOutput.line(HangarVersion.current)
        }
    }

    /// Like argument-parser's own `main`, except that a usage error exits 2 (argument-parser's default is 64)
    /// and, with `--json`, prints the error envelope with code `usage`.
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.first == SandboxHelper.mode {
            // The sandbox helper runs before anything else starts a thread: it forks after unshare.
            Foundation.exit(SandboxHelper.run())
        }
        do {
            var command = try parseAsRoot(arguments)
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error).rawValue == ExitCode.validationFailure.rawValue {
                if arguments.contains("--json") {
                    StandardOutput.line(Envelope.failure(code: "usage", message: message(for: error)))
                } else {
                    StandardOutput.errorLine(fullMessage(for: error))
                }
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
