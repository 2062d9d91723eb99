import HangarCore
import Synchronization

/// Requests-per-minute and tokens-per-minute of every key, in this process.
///
/// Each limit is checked on its own and every one that refuses is reported, so a client learns all it must
/// wait for at once. A call's tokens are counted at admission as its worst case and corrected to the actual
/// usage when it ends.
final class KeyLimiter: Sendable {
    struct Check: Sendable {
        var exceeded: [String] = []
        var headers: [(String, String)] = []
        var retryAfterSeconds: Int64 = 0
    }

    private let windows = Mutex<[String: MinuteWindow]>([:])
    private let clock: HangarClock

    init(clock: HangarClock) { self.clock = clock }

    /// Counts the call when every limit admits it; otherwise counts nothing. Either way returns the headers.
    func admit(_ key: VirtualKey, tokens: Int64) -> Check {
        guard key.requestsPerMinute != nil || key.tokensPerMinute != nil else { return Check() }
        let second = clock.nowMilliseconds() / 1000
        return windows.withLock { windows in
            var window = windows[key.id] ?? MinuteWindow()
            let used = window.totals(at: second)
            var check = Check()
            let relief = window.secondsUntilRelief(at: second)
            if let rpm = key.requestsPerMinute {
                let fits = used.requests + 1 <= rpm
                if !fits { check.exceeded.append("requests") }
                check.headers += [
                    ("x-ratelimit-limit-requests", "\(rpm)"),
                    ("x-ratelimit-remaining-requests", "\(max(0, rpm - used.requests - (fits ? 1 : 0)))"),
                    ("x-ratelimit-reset-requests", "\(relief)s"),
                ]
            }
            if let tpm = key.tokensPerMinute {
                let fits = used.tokens + tokens <= tpm
                if !fits { check.exceeded.append("tokens") }
                check.headers += [
                    ("x-ratelimit-limit-tokens", "\(tpm)"),
                    ("x-ratelimit-remaining-tokens", "\(max(0, tpm - used.tokens - (fits ? tokens : 0)))"),
                    ("x-ratelimit-reset-tokens", "\(relief)s"),
                ]
            }
            if check.exceeded.isEmpty {
                window.add(requests: 1, tokens: tokens, at: second)
                windows[key.id] = window
            } else {
                check.retryAfterSeconds = relief
            }
            return check
        }
    }

    /// Replaces a call's counted worst case with what it used (or gives it all back for a call refused later).
    func settle(_ key: VirtualKey, reserved: Int64, actual: Int64, refundRequest: Bool = false) {
        guard key.requestsPerMinute != nil || key.tokensPerMinute != nil else { return }
        let second = clock.nowMilliseconds() / 1000
        windows.withLock { windows in
            var window = windows[key.id] ?? MinuteWindow()
            window.add(requests: refundRequest ? -1 : 0, tokens: actual - reserved, at: second)
            windows[key.id] = window
        }
    }
}
