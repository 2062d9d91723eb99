import HangarCore

/// Keeps `hangar_budgets` (limit, reserved, spent per account) and `hangar_reservations` (open
/// reservations).
public struct BudgetProjector: Projector {
    public static let accounts = ProjectionTable(
        name: "hangar_budgets",
        columns: [
            .init("id", .text),
            .init("currency", .text),
            .init("decimals", .integer),
            .init("limit_units", .integer),
            .init("reserved_units", .integer),
            .init("spent_units", .integer),
        ]
    )

    public static let reservations = ProjectionTable(
        name: "hangar_reservations",
        columns: [
            .init("id", .text),
            .init("account", .text),
            .init("amount_units", .integer),
        ]
    )

    public init() {}

    public var kindPrefixes: [String] { ["budget."] }

    public var tables: [ProjectionTable] { [Self.accounts, Self.reservations] }

    public func writes(for event: Event) -> [ProjectionWrite] {
        guard event.kind.hasPrefix("budget."), let account = BudgetRules.account(from: event.payload) else {
            return []
        }
        var writes: [ProjectionWrite] = [.upsert(Self.accounts, Self.row(for: account))]
        if let reservation = BudgetRules.reservation(from: event.payload) {
            if event.kind == BudgetRules.reservedKind {
                writes.append(
                    .upsert(
                        Self.reservations,
                        [.text(reservation.id), .text(reservation.account), .integer(reservation.amount)]))
            } else {
                writes.append(.delete(Self.reservations, key: [.text(reservation.id)]))
            }
        }
        return writes
    }

    static func row(for account: BudgetAccount) -> ProjectionRow {
        [
            .text(account.id), .text(account.currency.code), .integer(Int64(account.currency.decimals)),
            .integer(account.limit), .integer(account.reserved), .integer(account.spent),
        ]
    }

    /// Reads a row of `hangar_budgets` back into a ``BudgetAccount``.
    public static func account(from row: ProjectionRow) -> BudgetAccount? {
        guard row.count == 6, let id = row[0].text, let code = row[1].text, let decimals = row[2].integer,
            let limit = row[3].integer, let reserved = row[4].integer, let spent = row[5].integer
        else { return nil }
        return BudgetAccount(
            id: id, currency: Currency(code: code, decimals: Int(decimals)), limit: limit, reserved: reserved,
            spent: spent)
    }

    /// Reads a row of `hangar_reservations` back into a ``Reservation``.
    public static func reservation(from row: ProjectionRow) -> Reservation? {
        guard row.count == 3, let id = row[0].text, let account = row[1].text, let amount = row[2].integer else {
            return nil
        }
        return Reservation(id: id, account: account, amount: amount)
    }
}
