/// A read of current state that a command needs before it can decide. Adapters answer these inside the
/// write transaction (locking the rows on PostgreSQL), then hand the answers to ``CommandPlanner``.
public enum StateRead: Sendable, Hashable {
    case lease(name: String)
    /// The first lease of the pool that nobody holds at `now`, in name order.
    case freeLease(pool: String, now: Int64)
    case budget(id: String)
    /// A reservation and the account it draws on.
    case reservation(id: String)
}

/// The answer to a ``StateRead``.
public enum StateSnapshot: Sendable, Hashable {
    case lease(LeaseState?)
    case budget(BudgetAccount?)
    case reservation(Reservation?, BudgetAccount?)
}
