public import HangarCore

// The public API of a store, written once over the adapter primitives.
extension HangarStorage {
    /// Appends events in one transaction, returning each as stored. Events with an idempotency key that is
    /// already used by an identical event are not written again (`replayed`); a different event under a
    /// used key fails with `idempotency_conflict` and nothing of the batch is written.
    @discardableResult
    public func append(_ drafts: [EventDraft], fencedBy lease: Lease? = nil) async throws -> [AppendedEvent] {
        let encoded = drafts.map { $0.encoded() }
        guard case .appended(let events) = try await submit(.append(encoded, fence: lease)) else { return [] }
        return events
    }

    @discardableResult
    public func append(_ draft: EventDraft, fencedBy lease: Lease? = nil) async throws -> AppendedEvent {
        let appended = try await append([draft], fencedBy: lease)
        guard let first = appended.first else { throw HangarError(.internal, "append returned no event") }
        return first
    }

    /// Follows the log from `seq` (exclusive): first what is stored, then live, with no gap or duplicate.
    public func subscribe(after seq: Int64, stream: String? = nil, pollMilliseconds: Int64 = 1_000) -> EventSubscription
    {
        EventSubscription(storage: self, after: seq, stream: stream, pollMilliseconds: pollMilliseconds)
    }

    // MARK: Leases

    /// Makes resources claimable in a pool. Names already offered keep their state.
    public func offerLeases(_ names: [String], pool: String) async throws {
        _ = try await submit(.offerLeases(names, pool: pool))
    }

    /// Claims a resource by name; fails with `lease_held` while someone else holds it.
    public func claimLease(_ name: String, holder: String, ttlMilliseconds: Int64) async throws -> Lease {
        guard
            case .lease(let lease?) = try await submit(
                .claimLease(name: name, holder: holder, ttlMilliseconds: ttlMilliseconds))
        else {
            throw HangarError(.internal, "claim returned no lease")
        }
        return lease
    }

    /// Claims the next free resource of a pool, or returns nil when every one is held.
    public func claimNextLease(pool: String, holder: String, ttlMilliseconds: Int64) async throws -> Lease? {
        guard
            case .lease(let lease) = try await submit(
                .claimNextLease(pool: pool, holder: holder, ttlMilliseconds: ttlMilliseconds))
        else {
            return nil
        }
        return lease
    }

    /// Extends a lease still held with its token; fails with `lease_fenced` once it was lost.
    public func renewLease(_ lease: Lease, ttlMilliseconds: Int64) async throws -> Lease {
        guard case .lease(let renewed?) = try await submit(.renewLease(lease, ttlMilliseconds: ttlMilliseconds)) else {
            throw HangarError(.internal, "renew returned no lease")
        }
        return renewed
    }

    public func releaseLease(_ lease: Lease) async throws {
        _ = try await submit(.releaseLease(lease))
    }

    public func leaseState(_ name: String) async throws -> LeaseState? {
        try await projectionRow(LeaseProjector.table, key: [.text(name)]).flatMap(LeaseProjector.state(from:))
    }

    // MARK: Budgets

    /// Creates a budget account or changes its limit.
    @discardableResult
    public func openBudget(_ id: String, limit: Money) async throws -> BudgetAccount {
        guard case .budget(let account) = try await submit(.openBudget(account: id, limit: limit)) else {
            throw HangarError(.internal, "open returned no account")
        }
        return account
    }

    /// Sets `amount` aside; fails with `budget_exceeded` when it does not fit under the limit.
    public func reserve(_ amount: Int64, from account: String, actor: String = "system") async throws -> Reservation {
        let id = ULID().description
        guard
            case .reservation(let reservation) = try await submit(
                .reserve(account: account, amount: amount, reservationID: id, actor: actor))
        else {
            throw HangarError(.internal, "reserve returned no reservation")
        }
        return reservation
    }

    /// Settles a reservation at its actual cost (at most the amount reserved) and frees the rest.
    @discardableResult
    public func commit(_ reservation: Reservation, actual: Int64, actor: String = "system") async throws
        -> BudgetAccount
    {
        guard
            case .budget(let account) = try await submit(
                .commitReservation(id: reservation.id, actual: actual, actor: actor))
        else {
            throw HangarError(.internal, "commit returned no account")
        }
        return account
    }

    /// Frees a reservation without spending.
    @discardableResult
    public func release(_ reservation: Reservation, actor: String = "system") async throws -> BudgetAccount {
        guard case .budget(let account) = try await submit(.releaseReservation(id: reservation.id, actor: actor)) else {
            throw HangarError(.internal, "release returned no account")
        }
        return account
    }

    public func budget(_ id: String) async throws -> BudgetAccount? {
        try await projectionRow(BudgetProjector.accounts, key: [.text(id)]).flatMap(BudgetProjector.account(from:))
    }
}
