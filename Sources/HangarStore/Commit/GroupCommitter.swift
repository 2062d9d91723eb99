import HangarCore
import Logging
import Metrics
import Synchronization

/// The single writer of a store. Callers queue commands; the writer takes everything queued (up to
/// `maxBatch`), runs it as one transaction with a savepoint per command, commits once, and only then
/// answers each caller. Many callers thus share one fsync, and each is acknowledged only once durable.
final class GroupCommitter: Sendable {
    /// Runs a batch in one transaction and returns one result per command, in order. Throwing means the
    /// transaction did not commit, so every command in it failed.
    typealias BatchRunner = @Sendable ([StoreCommand]) async throws -> [Result<StoreCommandResult, any Error>]

    private struct Job: Sendable {
        let command: StoreCommand
        let promise: Promise<StoreCommandResult>
    }

    private struct Queue {
        var jobs: [Job] = []
        var closed = false
    }

    private let queue = Mutex(Queue())
    private let wakeUps: AsyncStream<Void>
    private let wake: AsyncStream<Void>.Continuation
    private let runBatch: BatchRunner
    private let maxBatch: Int
    private let batchSizes = Recorder(label: "hangar_store_commit_batch_size")
    private let appended = Counter(label: "hangar_store_commands_total")
    private let logger: Logger
    private let classify: @Sendable (any Error) -> HangarError
    private let finished = Promise<Void>()

    init(
        maxBatch: Int = 512, logger: Logger, classify: @escaping @Sendable (any Error) -> HangarError,
        runBatch: @escaping BatchRunner
    ) {
        self.classify = classify
        (wakeUps, wake) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        self.maxBatch = maxBatch
        self.runBatch = runBatch
        self.logger = logger
    }

    /// Queues a command and waits until its transaction has committed (or failed).
    func submit(_ command: StoreCommand) async throws -> StoreCommandResult {
        let promise = Promise<StoreCommandResult>()
        let accepted = queue.withLock { queue in
            guard !queue.closed else { return false }
            queue.jobs.append(Job(command: command, promise: promise))
            return true
        }
        guard accepted else { throw HangarError(.unavailable, "the store is closed") }
        wake.yield()
        return try await promise.value
    }

    /// The writer loop: runs until ``close()`` and drains what is queued before it returns.
    func run() async {
        for await _ in wakeUps {
            while let batch = takeBatch() {
                await commit(batch)
            }
            if queue.withLock({ $0.closed && $0.jobs.isEmpty }) { break }
        }
        finished.fulfil(.success(()))
    }

    /// Stops accepting commands and returns once the loop has committed what was queued.
    func close() async {
        queue.withLock { $0.closed = true }
        wake.finish()
        try? await finished.value
    }

    private func takeBatch() -> [Job]? {
        queue.withLock { queue in
            guard !queue.jobs.isEmpty else { return nil }
            let count = min(queue.jobs.count, maxBatch)
            let batch = Array(queue.jobs.prefix(count))
            queue.jobs.removeFirst(count)
            return batch
        }
    }

    private func commit(_ batch: [Job]) async {
        batchSizes.record(batch.count)
        do {
            let results = try await runBatch(batch.map(\.command))
            appended.increment(by: batch.count)
            for (job, result) in zip(batch, results) { job.promise.fulfil(result) }
        } catch {
            logger.error(
                "store transaction failed", metadata: ["store.error": "\(error)", "store.batch": "\(batch.count)"])
            let failure = classify(error)
            for job in batch { job.promise.fulfil(.failure(failure)) }
        }
    }
}
