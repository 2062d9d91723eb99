import HangarCore

/// Turns a ``StoreCommand`` into the reads it needs, and then, given their answers, into the events to
/// append and the result to return. All the decisions live here, so the SQLite and PostgreSQL adapters only
/// answer reads and append events.
public enum CommandPlanner {
    /// What a command decided: events to append, and how to build its result from the appended events.
    public struct Decision: Sendable {
        public var drafts: [EventDraft]
        public var result: @Sendable ([AppendedEvent]) -> StoreCommandResult

        init(drafts: [EventDraft], result: @escaping @Sendable ([AppendedEvent]) -> StoreCommandResult) {
            self.drafts = drafts
            self.result = result
        }

        static func fixed(_ drafts: [EventDraft], _ result: StoreCommandResult) -> Decision {
            Decision(drafts: drafts, result: { _ in result })
        }
    }

    /// Kinds only the store's own commands append: a plain append of one would change lease or budget state
    /// past the rules that guard it.
    public static let reservedKindPrefixes = ["lease.", "budget."]

    public static func reads(for command: StoreCommand, now: Int64) -> [StateRead] {
        switch command {
        case .append(_, let fence): fence.map { [.lease(name: $0.name)] } ?? []
        case .offerLeases(let names, _): names.map { .lease(name: $0) }
        case .claimLease(let name, _, _): [.lease(name: name)]
        case .claimNextLease(let pool, _, _): [.freeLease(pool: pool, now: now)]
        case .renewLease(let lease, _), .releaseLease(let lease): [.lease(name: lease.name)]
        case .openBudget(let account, _), .reserve(let account, _, _, _): [.budget(id: account)]
        case .commitReservation(let id, _, _), .releaseReservation(let id, _): [.reservation(id: id)]
        }
    }

    public static func decide(_ command: StoreCommand, snapshots: [StateSnapshot], now: Int64) throws -> Decision {
        switch command {
        case .append(let drafts, let fence):
            let isReserved = { (draft: EventDraft) in reservedKindPrefixes.contains(where: draft.kind.hasPrefix) }
            if let reserved = drafts.first(where: isReserved) {
                throw HangarError(
                    .invalidArguments,
                    "event kind '\(reserved.kind)' is written only by the store's lease and budget commands")
            }
            if let fence { try LeaseRules.checkFence(lease(snapshots, 0), lease: fence, now: now) }
            return Decision(drafts: drafts, result: { .appended($0) })
        case .offerLeases(let names, let pool):
            let drafts = try names.indices.compactMap {
                try LeaseRules.offer(lease(snapshots, $0), name: names[$0], pool: pool)
            }
            return .fixed(drafts, .done)
        case .claimLease(let name, let holder, let ttl):
            let (draft, claimed) = try LeaseRules.claim(
                lease(snapshots, 0), name: name, holder: holder, ttl: ttl, now: now)
            return .fixed([draft], .lease(claimed))
        case .claimNextLease(_, let holder, let ttl):
            guard let free = lease(snapshots, 0) else { return .fixed([], .lease(nil)) }
            let (draft, claimed) = try LeaseRules.claim(free, name: free.name, holder: holder, ttl: ttl, now: now)
            return .fixed([draft], .lease(claimed))
        case .renewLease(let current, let ttl):
            let (draft, renewed) = try LeaseRules.renew(lease(snapshots, 0), lease: current, ttl: ttl, now: now)
            return .fixed([draft], .lease(renewed))
        case .releaseLease(let current):
            return .fixed([try LeaseRules.release(lease(snapshots, 0), lease: current, now: now)], .done)
        case .openBudget(let id, let limit):
            let draft = try BudgetRules.open(budget(snapshots), id: id, limit: limit)
            return .fixed([draft], BudgetRules.account(from: draft.payload).map { .budget($0) } ?? .done)
        case .reserve(let id, let amount, let reservationID, let actor):
            let (draft, reservation) = try BudgetRules.reserve(
                budget(snapshots), id: id, amount: amount, reservationID: reservationID, actor: actor)
            return .fixed([draft], .reservation(reservation))
        case .commitReservation(let id, let actual, let actor):
            let (open, account) = reservation(snapshots)
            let (draft, updated) = try BudgetRules.commit(open, account: account, id: id, actual: actual, actor: actor)
            return .fixed([draft], .budget(updated))
        case .releaseReservation(let id, let actor):
            let (open, account) = reservation(snapshots)
            let (draft, updated) = try BudgetRules.release(open, account: account, id: id, actor: actor)
            return .fixed([draft], .budget(updated))
        }
    }

    private static func lease(_ snapshots: [StateSnapshot], _ index: Int) -> LeaseState? {
        guard index < snapshots.count, case .lease(let state) = snapshots[index] else { return nil }
        return state
    }

    private static func budget(_ snapshots: [StateSnapshot]) -> BudgetAccount? {
        guard case .budget(let account) = snapshots.first else { return nil }
        return account
    }

    private static func reservation(_ snapshots: [StateSnapshot]) -> (Reservation?, BudgetAccount?) {
        guard case .reservation(let reservation, let account) = snapshots.first else { return (nil, nil) }
        return (reservation, account)
    }
}
