import HangarCore
import HangarStore
import Logging
import Synchronization

/// Writes each finished call's event and ledger settlement off the answer's path, in batches.
///
/// The reservation made before the call is durable, so the budget is safe while a settlement waits here: a
/// crash before it is written leaves the worst case reserved (never less spend than happened). Batching lets
/// one transaction (one fsync) carry many calls' events and commits.
final class CallJournal: Sendable {
    private let pending = Mutex<[CallRecord]>([])
    private let signal: AsyncStream<Void>
    private let wake: AsyncStream<Void>.Continuation
    private let storage: any HangarStorage
    private let logger: Logger
    /// Serialises flushes, so a `flush()` returns only after everything recorded before it is written.
    private let flushing = AsyncGate()

    init(storage: any HangarStorage, logger: Logger) {
        (signal, wake) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        self.storage = storage
        self.logger = logger
    }

    func record(_ record: CallRecord) {
        pending.withLock { $0.append(record) }
        wake.yield()
    }

    /// Runs until cancelled or `finish()`; then writes what is left.
    func run() async {
        for await _ in signal { await flush() }
        await flush()
    }

    func finish() { wake.finish() }

    /// Writes every call recorded so far.
    func flush() async {
        await flushing.acquire()
        defer { flushing.release() }
        let batch = pending.withLock { records in
            defer { records.removeAll() }
            return records
        }
        guard !batch.isEmpty else { return }
        await write(batch)
    }

    private func write(_ batch: [CallRecord]) async {
        // One append for every event and the commits beside it: the store's group commit puts them in one
        // transaction.
        await withTaskGroup(of: Void.self) { group in
            group.addTask { [storage, logger] in
                do {
                    try await storage.append(batch.map(\.draft))
                } catch {
                    logger.error("gateway call events were not written", metadata: ["error": "\(error)"])
                }
            }
            for record in batch {
                guard let reservation = record.reservation else { continue }
                group.addTask { [storage, logger] in
                    do {
                        try await storage.commit(reservation, actual: record.charged, actor: "gateway")
                    } catch {
                        logger.error(
                            "a gateway reservation was not settled",
                            metadata: ["call.id": "\(record.context.callID)", "error": "\(error)"])
                    }
                }
            }
        }
    }
}
