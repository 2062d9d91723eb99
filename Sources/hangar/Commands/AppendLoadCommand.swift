import ArgumentParser
import HangarServer
import HangarStore
import Logging

/// `hangar debug append-load`: appends with concurrent writers and prints each acknowledged (durable) seq on
/// its own line as soon as it is acknowledged, for the crash test that kills the process mid-run.
struct AppendLoadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "append-load",
        abstract: "Append events with concurrent writers, printing each acknowledged seq on its own line.")

    @Option(help: "Concurrent writers.")
    var writers: Int = 8

    @Option(help: "Events to append in total, shared among the writers.")
    var events: Int = 1_000

    @OptionGroup var storage: StorageOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard (1...1_024).contains(writers) else { throw ValidationError("--writers must be from 1 to 1024") }
        guard events >= 0 else { throw ValidationError("--events must be 0 or more") }
    }

    func run() async throws {
        let json = output.json
        try await CommandRunner.run(json: json) {
            let acknowledged: @Sendable (Int64) -> Void = { seq in
                if !json { StandardOutput.line(String(seq)) }
            }
            let summary = try await storage.withStore { store, _ in
                try await AppendLoad.run(storage: store, writers: writers, events: events, acknowledged: acknowledged)
            }
            if json {
                StandardOutput.line(try Envelope.success(summary))
            } else {
                StandardOutput.errorLine(
                    "appended \(summary.events) events with \(summary.writers) writers in "
                        + "\(summary.seconds) s (\(Int(summary.eventsPerSecond)) events/s)")
            }
        }
    }
}
