import ArgumentParser

/// `hangar debug …`: developer tools, hidden from help.
struct DebugCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "debug", abstract: "Developer tools.", shouldDisplay: false,
        subcommands: [AppendLoadCommand.self])
}
