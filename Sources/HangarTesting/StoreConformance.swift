import HangarCore
public import HangarStore

/// The contract every ``HangarStorage`` adapter must meet. Each check takes a fresh, migrated store; the
/// test target runs every check against SQLite and PostgreSQL (`StorageKind.allCases`).
///
/// The checks live here, in a library, so a new adapter's tests are one loop over this list.
public enum StoreConformance {
    public struct Check: Sendable, CustomStringConvertible {
        public let name: String
        public let run: @Sendable (any HangarStorage, ManualClockHandle) async throws -> Void

        init(name: String, run: @escaping @Sendable (any HangarStorage, ManualClockHandle) async throws -> Void) {
            self.name = name
            self.run = run
        }

        public var description: String { name }
    }

    public static let checks: [Check] =
        eventChecks + idempotencyChecks + subscriptionChecks + leaseChecks
        + budgetChecks + projectionChecks
}

extension StoreConformance {
    /// Runs one check on a fresh store of `kind` with a manual clock.
    public static func run(_ check: Check, on kind: StorageKind) async throws {
        let (clock, control) = HangarClock.manual()
        let handle = ManualClockHandle(advance: { control.advance(milliseconds: $0) }, now: { control.current })
        try await StorageHarness.withStorage(kind, clock: clock) { storage in
            try await check.run(storage, handle)
        }
    }
}

/// Moves the manual clock a check was given.
public struct ManualClockHandle: Sendable {
    public let advance: @Sendable (Int64) -> Void
    public let now: @Sendable () -> Int64

    public init(advance: @escaping @Sendable (Int64) -> Void, now: @escaping @Sendable () -> Int64) {
        self.advance = advance
        self.now = now
    }
}
