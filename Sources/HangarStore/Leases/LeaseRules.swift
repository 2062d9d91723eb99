public import HangarCore

/// The decisions about leases, shared by both adapters: given the current row, what event (if any) a
/// command writes, or which error it fails with.
public enum LeaseRules {
    public static let offeredKind = "lease.offered"
    public static let claimedKind = "lease.claimed"
    public static let renewedKind = "lease.renewed"
    public static let releasedKind = "lease.released"
    /// The pool a lease claimed by name joins when it was never offered.
    public static let defaultPool = "default"

    public static func offer(_ current: LeaseState?, name: String, pool: String) throws -> EventDraft? {
        try validate(name: name, pool: pool)
        guard current == nil else { return nil }
        return draft(
            LeaseState(name: name, pool: pool, holder: nil, token: 0, expiresAt: 0), kind: offeredKind,
            actor: "system")
    }

    public static func claim(
        _ current: LeaseState?, name: String, holder: String, ttl: Int64, now: Int64
    ) throws -> (EventDraft, Lease) {
        try validate(name: name, pool: current?.pool ?? defaultPool)
        try validate(holder: holder, ttl: ttl)
        if let current, current.isHeld(at: now) {
            throw HangarError(.leaseHeld, "lease '\(name)' is held until \(current.expiresAt)")
        }
        let lease = Lease(
            name: name, pool: current?.pool ?? defaultPool, holder: holder, token: (current?.token ?? 0) + 1,
            expiresAt: now + ttl)
        return (draft(state(of: lease), kind: claimedKind, actor: holder), lease)
    }

    public static func renew(_ current: LeaseState?, lease: Lease, ttl: Int64, now: Int64) throws -> (EventDraft, Lease)
    {
        try validate(holder: lease.holder, ttl: ttl)
        try checkFence(current, lease: lease, now: now)
        var renewed = lease
        renewed.expiresAt = now + ttl
        return (draft(state(of: renewed), kind: renewedKind, actor: lease.holder), renewed)
    }

    public static func release(_ current: LeaseState?, lease: Lease, now: Int64) throws -> EventDraft {
        try checkFence(current, lease: lease, now: now)
        let released = LeaseState(name: lease.name, pool: lease.pool, holder: nil, token: lease.token, expiresAt: 0)
        return draft(released, kind: releasedKind, actor: lease.holder)
    }

    /// Refuses a write fenced by a lease that is no longer held with that token.
    public static func checkFence(_ current: LeaseState?, lease: Lease, now: Int64) throws {
        guard let current else {
            throw HangarError(.leaseNotFound, "lease '\(lease.name)' does not exist")
        }
        guard current.token == lease.token, current.holder == lease.holder, current.isHeld(at: now) else {
            throw HangarError(
                .leaseFenced,
                "lease '\(lease.name)' token \(lease.token) is stale (current token \(current.token))")
        }
    }

    /// The lease state an event of this family carries.
    public static func state(from payload: JSONValue) -> LeaseState? {
        guard let name = payload["name"]?.stringValue, let pool = payload["pool"]?.stringValue,
            let token = payload["token"]?.intValue, let expiresAt = payload["expires_at"]?.intValue
        else { return nil }
        return LeaseState(
            name: name, pool: pool, holder: payload["holder"]?.stringValue, token: token, expiresAt: expiresAt)
    }

    static func state(of lease: Lease) -> LeaseState {
        LeaseState(
            name: lease.name, pool: lease.pool, holder: lease.holder, token: lease.token, expiresAt: lease.expiresAt)
    }

    static func draft(_ state: LeaseState, kind: String, actor: String) -> EventDraft {
        EventDraft(
            stream: "lease:\(state.name)", kind: kind, actor: actor,
            payload: [
                "name": .string(state.name), "pool": .string(state.pool),
                "holder": state.holder.map { .string($0) } ?? .null, "token": .int(state.token),
                "expires_at": .int(state.expiresAt),
            ])
    }

    static func validate(name: String, pool: String) throws {
        guard !name.isEmpty, name.utf8.count <= 190, !pool.isEmpty, pool.utf8.count <= 190 else {
            throw HangarError(.invalidArguments, "lease and pool names must be 1 to 190 bytes long")
        }
    }

    static func validate(holder: String, ttl: Int64) throws {
        guard !holder.isEmpty, holder.utf8.count <= EventDraft.maxNameLength else {
            throw HangarError(.invalidArguments, "lease holder must be 1 to 200 bytes long")
        }
        guard ttl > 0, ttl <= 86_400_000 else {
            throw HangarError(.invalidArguments, "lease ttl must be between 1 ms and 24 h")
        }
    }
}
