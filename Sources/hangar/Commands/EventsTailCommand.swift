import ArgumentParser
import HangarCore
import HangarServer
import HangarStore
import Logging

/// `hangar events tail`: events after a seq, one JSON object per line; `--follow` keeps printing new events
/// as they are appended.
struct EventsTailCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tail", abstract: "Print events after a sequence number, one JSON object per line.")

    @Option(help: "Print events after this seq (default 0: from the start).")
    var after: Int64 = 0

    @Option(help: "Only events of this stream.")
    var stream: String?

    @Flag(help: "Keep following the log; with --json, one envelope per event.")
    var follow = false

    @Option(help: "At most this many events (default \(EventsTailCommand.defaultLimit); no limit with --follow).")
    var limit: Int?

    @OptionGroup var storage: StorageOptions
    @OptionGroup var output: OutputOptions

    static let defaultLimit = 100

    func validate() throws {
        guard after >= 0 else { throw ValidationError("--after must be 0 or more") }
        if let stream, stream.isEmpty || stream.utf8.count > EventDraft.maxNameLength {
            throw ValidationError("--stream must be 1 to \(EventDraft.maxNameLength) bytes long")
        }
        if let limit, limit < 1 || (!follow && limit > EventQuery.maxLimit) {
            throw ValidationError(
                "--limit must be from 1 to \(EventQuery.maxLimit) (any positive number with --follow)")
        }
    }

    func run() async throws {
        let json = output.json
        try await CommandRunner.run(json: json) {
            try await storage.withStore { store, _ in
                if follow {
                    try await followLog(store, json: json)
                } else {
                    try await printPage(store, json: json)
                }
            }
        }
    }

    private func printPage(_ store: any HangarStorage, json: Bool) async throws {
        let head = try await store.head()
        let events = try await store.read(EventQuery(after: after, stream: stream, limit: limit ?? Self.defaultLimit))
        if json {
            StandardOutput.line(try Envelope.success(Page(events: events, head: head)))
        } else {
            for event in events { StandardOutput.line(try Envelope.encode(event)) }
        }
    }

    private func followLog(_ store: any HangarStorage, json: Bool) async throws {
        var printed = 0
        for try await event in store.subscribe(after: after, stream: stream) {
            StandardOutput.line(json ? try Envelope.success(event) : try Envelope.encode(event))
            printed += 1
            if let limit, printed >= limit { return }
        }
    }

    struct Page: Encodable {
        var events: [Event]
        var head: Int64
    }
}
