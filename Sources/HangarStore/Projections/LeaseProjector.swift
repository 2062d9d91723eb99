/// Keeps `hangar_leases`: one row per resource with its holder, fencing token and expiry.
public struct LeaseProjector: Projector {
    public static let table = ProjectionTable(
        name: "hangar_leases",
        columns: [
            .init("name", .text),
            .init("pool", .text),
            .init("holder", .text, nullable: true),
            .init("token", .integer),
            .init("expires_at", .integer),
        ],
        indexes: [["pool", "expires_at", "name"]]
    )

    public init() {}

    public var kindPrefixes: [String] { ["lease."] }

    public var tables: [ProjectionTable] { [Self.table] }

    public func writes(for event: Event) -> [ProjectionWrite] {
        guard event.kind.hasPrefix("lease."), let state = LeaseRules.state(from: event.payload) else { return [] }
        return [
            .upsert(
                Self.table,
                [
                    .text(state.name), .text(state.pool), state.holder.map { .text($0) } ?? .null,
                    .integer(state.token), .integer(state.expiresAt),
                ])
        ]
    }

    /// Reads a row of `hangar_leases` back into a ``LeaseState``.
    public static func state(from row: ProjectionRow) -> LeaseState? {
        guard row.count == 5, let name = row[0].text, let pool = row[1].text, let token = row[3].integer,
            let expiresAt = row[4].integer
        else { return nil }
        return LeaseState(name: name, pool: pool, holder: row[2].text, token: token, expiresAt: expiresAt)
    }
}
