public import HangarCore

/// The decisions of the budget ledger, shared by both adapters. Reserve checks and updates run inside the
/// writer's transaction, after the account row is read (and, on PostgreSQL, locked), so concurrent reserves
/// never take the account past its limit.
public enum BudgetRules {
    public static let openedKind = "budget.opened"
    public static let reservedKind = "budget.reserved"
    public static let committedKind = "budget.committed"
    public static let releasedKind = "budget.released"

    public static func open(_ current: BudgetAccount?, id: String, limit: Money) throws -> EventDraft {
        guard !id.isEmpty, id.utf8.count <= 190 else {
            throw HangarError(.invalidArguments, "budget account id must be 1 to 190 bytes long")
        }
        guard limit.units >= 0 else { throw HangarError(.invalidArguments, "budget limit must not be negative") }
        var account = current ?? BudgetAccount(id: id, currency: limit.currency, limit: 0, reserved: 0, spent: 0)
        guard account.currency == limit.currency else {
            throw HangarError(
                .invalidArguments, "budget '\(id)' is in \(account.currency), not \(limit.currency)")
        }
        account.limit = limit.units
        return draft(account, reservation: nil, kind: openedKind, actor: "system")
    }

    public static func reserve(
        _ current: BudgetAccount?, id: String, amount: Int64, reservationID: String, actor: String
    ) throws -> (EventDraft, Reservation) {
        guard var account = current else { throw HangarError(.budgetNotFound, "budget '\(id)' does not exist") }
        guard amount > 0 else { throw HangarError(.invalidArguments, "a reservation must be positive") }
        guard amount <= account.available else {
            throw HangarError(
                .budgetExceeded, "budget '\(id)' has \(account.available) units available, \(amount) requested")
        }
        account.reserved += amount
        let reservation = Reservation(id: reservationID, account: id, amount: amount)
        return (draft(account, reservation: reservation, kind: reservedKind, actor: actor), reservation)
    }

    public static func commit(
        _ reservation: Reservation?, account current: BudgetAccount?, id: String, actual: Int64, actor: String
    ) throws -> (EventDraft, BudgetAccount) {
        guard let reservation, var account = current else {
            throw HangarError(.reservationNotFound, "reservation '\(id)' is not open")
        }
        guard actual >= 0, actual <= reservation.amount else {
            throw HangarError(
                .invalidArguments, "actual cost must be between 0 and the reserved \(reservation.amount) units")
        }
        account.reserved -= reservation.amount
        account.spent += actual
        var settled = reservation
        settled.amount = actual
        return (draft(account, reservation: settled, kind: committedKind, actor: actor), account)
    }

    public static func release(
        _ reservation: Reservation?, account current: BudgetAccount?, id: String, actor: String
    ) throws -> (EventDraft, BudgetAccount) {
        guard let reservation, var account = current else {
            throw HangarError(.reservationNotFound, "reservation '\(id)' is not open")
        }
        account.reserved -= reservation.amount
        return (draft(account, reservation: reservation, kind: releasedKind, actor: actor), account)
    }

    public static func account(from payload: JSONValue) -> BudgetAccount? {
        guard let object = payload["account"], let id = object["id"]?.stringValue,
            let code = object["currency"]?.stringValue, let decimals = object["decimals"]?.intValue,
            let limit = object["limit"]?.intValue, let reserved = object["reserved"]?.intValue,
            let spent = object["spent"]?.intValue
        else { return nil }
        return BudgetAccount(
            id: id, currency: Currency(code: code, decimals: Int(decimals)), limit: limit, reserved: reserved,
            spent: spent)
    }

    public static func reservation(from payload: JSONValue) -> Reservation? {
        guard let object = payload["reservation"], let id = object["id"]?.stringValue,
            let account = object["account"]?.stringValue, let amount = object["amount"]?.intValue
        else { return nil }
        return Reservation(id: id, account: account, amount: amount)
    }

    static func draft(_ account: BudgetAccount, reservation: Reservation?, kind: String, actor: String) -> EventDraft {
        var payload: [String: JSONValue] = [
            "account": [
                "id": .string(account.id), "currency": .string(account.currency.code),
                "decimals": .int(Int64(account.currency.decimals)), "limit": .int(account.limit),
                "reserved": .int(account.reserved), "spent": .int(account.spent),
            ]
        ]
        if let reservation {
            payload["reservation"] = [
                "id": .string(reservation.id), "account": .string(reservation.account),
                "amount": .int(reservation.amount),
            ]
        }
        return EventDraft(stream: "budget:\(account.id)", kind: kind, actor: actor, payload: .object(payload))
    }
}
