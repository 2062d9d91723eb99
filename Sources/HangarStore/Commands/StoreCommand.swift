public import HangarCore

/// A write against the store. Commands are queued and several run in one transaction (group commit), each
/// inside its own savepoint; the adapters execute them with the shared rules in ``LeaseRules`` and
/// ``BudgetRules`` so both backends decide alike.
public enum StoreCommand: Sendable {
    /// Appends events; with a fence, only while that lease is still held with the same token.
    case append([EventDraft], fence: Lease?)
    /// Registers claimable resources in a pool (no-op for names already offered).
    case offerLeases([String], pool: String)
    case claimLease(name: String, holder: String, ttlMilliseconds: Int64)
    case claimNextLease(pool: String, holder: String, ttlMilliseconds: Int64)
    case renewLease(Lease, ttlMilliseconds: Int64)
    case releaseLease(Lease)
    case openBudget(account: String, limit: Money)
    case reserve(account: String, amount: Int64, reservationID: String, actor: String)
    case commitReservation(id: String, actual: Int64, actor: String)
    case releaseReservation(id: String, actor: String)
}

/// What a ``StoreCommand`` returns.
public enum StoreCommandResult: Sendable {
    case appended([AppendedEvent])
    case lease(Lease?)
    case budget(BudgetAccount)
    case reservation(Reservation)
    case done
}
