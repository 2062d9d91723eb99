import HangarCore
import Logging
import PostgresNIO

/// Wakes this process's readers when another process appends: `LISTEN`s on ``PostgresSQL/channel`` and
/// advances the ``LogHeadSignal`` to each notified head. Reconnects with backoff while the storage is
/// open; after every (re)connect it reads the head once, since notifications sent while nobody listened
/// are lost.
struct PostgresListener: Sendable {
    let pool: PostgresPool
    let signal: LogHeadSignal
    let tag: String
    let logger: Logger

    static let firstBackoff = Duration.milliseconds(100)
    static let maxBackoff = Duration.seconds(5)

    /// Runs until cancelled.
    func run() async {
        var backoff = Self.firstBackoff
        while !Task.isCancelled {
            let started = ContinuousClock.now
            do {
                try await listenOnce()
            } catch {
                if Task.isCancelled { return }
                logger.debug(
                    "listening for appends failed", metadata: ["store.error": "\(PostgresErrors.classify(error))"])
            }
            // A listen that lasted a while was healthy: start the backoff over.
            if ContinuousClock.now - started > Self.maxBackoff { backoff = Self.firstBackoff }
            try? await Task.sleep(for: backoff)
            backoff = min(backoff * 2, Self.maxBackoff)
        }
    }

    private func listenOnce() async throws {
        let pool = pool
        let signal = signal
        let tag = tag
        try await pool.withConnection { connection in
            try await connection.listen(on: PostgresSQL.channel) { notifications in
                // Before migrate() the table may be missing; migrate() then advances the head itself.
                if let row = try? await pool.rows(PostgresSQL.selectHead, on: connection).first,
                    let head = try? row.decode(Int64.self)
                {
                    signal.advance(to: head)
                }
                for try await notification in notifications {
                    if let head = PostgresSQL.head(fromNotification: notification.payload, tag: tag) {
                        signal.advance(to: head)
                    }
                }
            }
        }
    }
}
