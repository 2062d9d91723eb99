import Foundation

/// The times `hangar data audit` reads and prints: RFC 3339, or relative to now (`30s`, `10m`, `2h`, `7d`).
enum AuditTime {
    /// Milliseconds since the Unix epoch of `text`, or nil when it is neither form.
    static func milliseconds(_ text: String, now: Date) -> Int64? {
        if let unit = text.last, let seconds = units[unit], let count = Int64(text.dropLast()), count >= 0,
            count <= Int64(Int32.max)
        {
            return Int64((now.timeIntervalSince1970 * 1000).rounded(.down)) - count * seconds * 1000
        }
        for options in [internet, internet.union(.withFractionalSeconds)] {
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = options
            if let date = formatter.date(from: text) { return Int64((date.timeIntervalSince1970 * 1000).rounded()) }
        }
        return nil
    }

    /// An event's `ts` as RFC 3339 in UTC with milliseconds.
    static func format(_ milliseconds: Int64) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = internet.union(.withFractionalSeconds)
        return formatter.string(from: Date(timeIntervalSince1970: Double(milliseconds) / 1000))
    }

    private static let units: [Character: Int64] = ["s": 1, "m": 60, "h": 3600, "d": 86400]
    private static let internet: ISO8601DateFormatter.Options = [.withInternetDateTime]
}
