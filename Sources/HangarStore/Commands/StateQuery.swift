/// The SQL that answers a ``StateRead``, and how to turn its rows into a ``StateSnapshot``. Shared by both
/// adapters; on PostgreSQL the rows are locked for the rest of the transaction.
struct StateQuery: Sendable {
    let statement: SQLStatement
    let snapshot: @Sendable ([ProjectionRow]) -> StateSnapshot

    static func make(_ read: StateRead, sql: ProjectionSQL) -> StateQuery {
        let dialect = sql.dialect
        switch read {
        case .lease(let name):
            return StateQuery(statement: sql.select(LeaseProjector.table, key: [.text(name)], lock: true)) {
                .lease($0.first.flatMap(LeaseProjector.state(from:)))
            }
        case .freeLease(let pool, let now):
            let table = LeaseProjector.table
            let statement = SQLStatement(
                sql:
                    "SELECT \(sql.columnList(table)) FROM \(table.name) WHERE pool = \(dialect.placeholder(1)) AND expires_at <= \(dialect.placeholder(2)) ORDER BY expires_at, name LIMIT 1\(dialect.lockSkipLocked)",
                binds: [.text(pool), .integer(now)])
            return StateQuery(statement: statement) { .lease($0.first.flatMap(LeaseProjector.state(from:))) }
        case .budget(let id):
            return StateQuery(statement: sql.select(BudgetProjector.accounts, key: [.text(id)], lock: true)) {
                .budget($0.first.flatMap(BudgetProjector.account(from:)))
            }
        case .reservation(let id):
            let reservations = BudgetProjector.reservations
            let accounts = BudgetProjector.accounts
            let statement = SQLStatement(
                sql:
                    "SELECT \(sql.columnList(reservations, prefix: "r.")), \(sql.columnList(accounts, prefix: "b.")) FROM \(reservations.name) r JOIN \(accounts.name) b ON b.id = r.account WHERE r.id = \(dialect.placeholder(1))\(dialect.lockRow)",
                binds: [.text(id)])
            return StateQuery(statement: statement) { rows in
                guard let row = rows.first, row.count == reservations.columns.count + accounts.columns.count else {
                    return .reservation(nil, nil)
                }
                let split = reservations.columns.count
                return .reservation(
                    BudgetProjector.reservation(from: Array(row.prefix(split))),
                    BudgetProjector.account(from: Array(row.dropFirst(split))))
            }
        }
    }
}
