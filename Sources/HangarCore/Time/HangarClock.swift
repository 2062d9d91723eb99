public import Foundation
import Synchronization

/// The wall clock Hangar reads for event timestamps and lease expiry. Injected everywhere so tests can
/// move time by hand.
public struct HangarClock: Sendable {
    private let read: @Sendable () -> Int64

    /// A clock that reads `read()` as milliseconds since the Unix epoch.
    public init(millisecondsSinceEpoch read: @escaping @Sendable () -> Int64) {
        self.read = read
    }

    /// Milliseconds since the Unix epoch.
    public func nowMilliseconds() -> Int64 { read() }

    public func now() -> Date { Date(timeIntervalSince1970: Double(read()) / 1000) }

    public static let system = HangarClock {
        Int64((Date().timeIntervalSince1970 * 1000).rounded(.down))
    }

    /// A clock that only moves when told to.
    public static func manual(startingAt start: Int64 = 1_700_000_000_000) -> (HangarClock, ManualClockControl) {
        let control = ManualClockControl(start: start)
        return (HangarClock { control.current }, control)
    }
}

/// Moves a manual ``HangarClock``.
public final class ManualClockControl: Sendable {
    private let value: Mutex<Int64>

    init(start: Int64) { value = Mutex(start) }

    public var current: Int64 { value.withLock { $0 } }

    public func advance(milliseconds: Int64) { value.withLock { $0 += milliseconds } }
}
