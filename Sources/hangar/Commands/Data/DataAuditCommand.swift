import ArgumentParser
import Foundation
import HangarCore
import HangarStore

/// `hangar data audit [--principal P] [--since WHEN] [--limit N]`: the `data.called` events, newest last. With
/// `--principal`, only that principal's stream (`data:P`); else every `data.called` event in the log.
struct DataAuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "List data tool calls (data.called events), newest last.")

    @Option(help: "Only this principal's calls.")
    var principal: String?

    @Option(help: "Only calls since then: an RFC 3339 time or a relative 30s, 10m, 2h, 7d.")
    var since: String?

    @Option(help: "At most the N newest calls (default \(DataAuditCommand.defaultLimit)).")
    var limit: Int = DataAuditCommand.defaultLimit

    @OptionGroup var storage: StorageOptions
    @OptionGroup var output: OutputOptions

    static let defaultLimit = 100
    static let kind = "data.called"

    func validate() throws {
        if let principal {
            let stream = "data:" + principal
            guard !principal.isEmpty, stream.utf8.count <= EventDraft.maxNameLength else {
                throw ValidationError("--principal must be 1 to \(EventDraft.maxNameLength - 5) bytes long")
            }
        }
        guard (1...EventQuery.maxLimit).contains(limit) else {
            throw ValidationError("--limit must be from 1 to \(EventQuery.maxLimit)")
        }
        if let since, AuditTime.milliseconds(since, now: Date()) == nil {
            throw ValidationError("--since takes an RFC 3339 time (2025-01-31T12:00:00Z) or 30s, 10m, 2h, 7d")
        }
    }

    func run() async throws {
        let start = since.flatMap { AuditTime.milliseconds($0, now: Date()) } ?? Int64.min
        try await DataCommandRunner.emit(json: output.json) {
            try await storage.withStore { store, _ in
                Calls(events: try await calls(in: store, since: start))
            }
        } describe: {
            $0.events.map(Self.line).joined(separator: "\n")
        }
    }

    /// Scans the stream (or the whole log) forward in pages, keeping the newest `limit` matches: the store
    /// reads by seq only, so a kind and a time are filtered here.
    private func calls(in store: any HangarStorage, since start: Int64) async throws -> [Event] {
        let stream = principal.map { "data:" + $0 }
        var kept: [Event] = []
        var after: Int64 = 0
        while true {
            let page = try await store.read(EventQuery(after: after, stream: stream, limit: EventQuery.maxLimit))
            kept += page.filter { $0.kind == Self.kind && $0.ts >= start }
            if kept.count > 2 * limit { kept.removeFirst(kept.count - limit) }
            guard page.count == EventQuery.maxLimit, let last = page.last else { break }
            after = last.seq
        }
        return Array(kept.suffix(limit))
    }

    /// `time  principal  tool  model  decision  error  rows=N  Nus`, tab-separated; `-` for what is absent.
    static func line(_ event: Event) -> String {
        let payload = event.payload
        func text(_ key: String) -> String { payload[key]?.stringValue ?? "-" }
        return [
            AuditTime.format(event.ts), text("principal"), text("tool"), text("model"), text("decision"),
            text("error"), "rows=\(payload["rows"]?.intValue ?? 0)", "\(payload["duration_us"]?.intValue ?? 0)us",
        ].joined(separator: "\t")
    }

    struct Calls: Encodable {
        var events: [Event]
    }
}
