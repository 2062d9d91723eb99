import Foundation
import HangarCore
public import HangarStore

/// A load generator for the event log (`hangar debug append-load`): `writers` concurrent tasks append one event
/// per call, so concurrent calls share group commits, and report each seq as soon as its append is durable.
/// The crash test kills the process mid-run and checks that every reported seq survived.
public enum AppendLoad {
    public struct Summary: Sendable, Codable, Equatable {
        public var writers: Int
        public var events: Int
        public var firstSeq: Int64?
        public var lastSeq: Int64?
        public var seconds: Double
        public var eventsPerSecond: Double
    }

    /// Appends `events` events in total (writer `w` appends those with `index % writers == w`).
    public static func run(
        storage: any HangarStorage, writers: Int, events: Int,
        acknowledged: @escaping @Sendable (Int64) -> Void = { _ in }
    ) async throws -> Summary {
        guard writers >= 1, events >= 0 else {
            throw HangarError(.invalidArguments, "writers must be at least 1 and events at least 0")
        }
        let start = ContinuousClock.now
        let seqs = try await withThrowingTaskGroup(of: [Int64].self) { group in
            for writer in 0..<writers {
                group.addTask {
                    var seqs: [Int64] = []
                    for index in stride(from: writer, to: events, by: writers) {
                        let appended = try await storage.append(
                            EventDraft(
                                stream: "load:\(writer)", kind: "load.appended", actor: "hangar.debug",
                                payload: ["writer": .int(Int64(writer)), "index": .int(Int64(index))]))
                        acknowledged(appended.seq)
                        seqs.append(appended.seq)
                    }
                    return seqs
                }
            }
            return try await group.reduce(into: [Int64]()) { $0 += $1 }
        }
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return Summary(
            writers: writers, events: seqs.count, firstSeq: seqs.min(), lastSeq: seqs.max(), seconds: seconds,
            eventsPerSecond: seconds > 0 ? Double(seqs.count) / seconds : 0)
    }
}
