import ArgumentParser

/// `hangar events …`: the event log.
struct EventsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events", abstract: "Read the event log.", subcommands: [EventsTailCommand.self])
}
