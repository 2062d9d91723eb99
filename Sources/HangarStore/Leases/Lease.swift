/// A time-bounded claim on a named resource. `token` is a fencing token: it grows by one on every claim,
/// so a holder that lost the lease (it expired and someone else claimed it) presents an old token, and
/// every write fenced with it is refused with `lease_fenced`.
public struct Lease: Sendable, Hashable, Codable {
    public var name: String
    public var pool: String
    public var holder: String
    public var token: Int64
    /// Milliseconds since the Unix epoch.
    public var expiresAt: Int64

    public init(name: String, pool: String, holder: String, token: Int64, expiresAt: Int64) {
        self.name = name
        self.pool = pool
        self.holder = holder
        self.token = token
        self.expiresAt = expiresAt
    }

    enum CodingKeys: String, CodingKey {
        case name, pool, holder, token
        case expiresAt = "expires_at"
    }
}

/// A lease row as stored: `holder` is nil when nobody holds it.
public struct LeaseState: Sendable, Hashable {
    public var name: String
    public var pool: String
    public var holder: String?
    public var token: Int64
    public var expiresAt: Int64

    public init(name: String, pool: String, holder: String?, token: Int64, expiresAt: Int64) {
        self.name = name
        self.pool = pool
        self.holder = holder
        self.token = token
        self.expiresAt = expiresAt
    }

    /// Whether someone holds it at `now`.
    public func isHeld(at now: Int64) -> Bool { holder != nil && expiresAt > now }
}
