import HangarCore
import Synchronization

/// `calls_per_minute` per principal and model, as token buckets: a bucket holds up to a minute's calls and
/// refills continuously, so a burst of the whole minute's allowance passes and the next call waits for a
/// token. Refused calls take no token. In memory, per process: a restart forgets the buckets.
final class CallRateLimiter: Sendable {
    private struct Bucket {
        var tokens: Double
        var updated: ContinuousClock.Instant
    }

    private let buckets = Mutex<[String: Bucket]>([:])

    /// Takes a token for `principal` on `model`, or throws `rate_limited` with `retry_after_seconds`.
    func acquire(principal: String, model: ExposedModel, now: ContinuousClock.Instant = .now) throws {
        let capacity = Double(model.budgets.callsPerMinute)
        let perSecond = capacity / 60
        let key = model.name + "\u{0}" + principal
        let wait: Double? = buckets.withLock { buckets in
            var bucket = buckets[key] ?? Bucket(tokens: capacity, updated: now)
            let elapsed = now - bucket.updated
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            bucket.tokens = min(capacity, bucket.tokens + seconds * perSecond)
            bucket.updated = now
            defer { buckets[key] = bucket }
            guard bucket.tokens >= 1 else { return (1 - bucket.tokens) / perSecond }
            bucket.tokens -= 1
            return nil
        }
        if let wait {
            let seconds = max(1, Int(wait.rounded(.up)))
            throw HangarError(
                .rateLimited,
                "more than \(model.budgets.callsPerMinute) calls per minute on model '\(model.name)'; retry in \(seconds) s",
                details: ["retry_after_seconds": .int(Int64(seconds))])
        }
    }
}
