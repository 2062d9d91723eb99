import HangarCore
import PostgresNIO

extension PostgresWriter {
    /// Events read per round trip while rebuilding.
    static let rebuildPage = 5_000

    /// Empties every projection table and replays the whole log into them, in one transaction that holds
    /// the log head, so no write lands half-way. The replay runs in memory and writes each final row once.
    func rebuild() async throws {
        let lockHead = SQLStatement(sql: PostgresSQL.lockHead, binds: [])
        let deletes = projections.tables.map { SQLStatement(sql: sql.deleteAll($0), binds: []) }
        try await pool.transaction("READ COMMITTED", opening: [lockHead] + deletes) { connection, _ in
            var replay = PostgresProjectionReplay()
            var after: Int64 = 0
            while true {
                let rows = try await pool.rows(
                    PostgresSQL.eventPage(after: after, limit: Self.rebuildPage), on: connection)
                for row in rows {
                    let columns = try PostgresValues.eventColumns(row)
                    after = columns.seq
                    guard projections.handles(kind: columns.kind) else { continue }
                    for write in projections.writes(for: try PostgresValues.event(columns)) { replay.apply(write) }
                }
                if rows.count < Self.rebuildPage { break }
            }
            return ((), replay.inserts())
        }
    }
}
