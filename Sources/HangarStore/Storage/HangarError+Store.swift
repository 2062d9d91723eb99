public import HangarCore

extension HangarError.Code {
    /// The file is a SQLite database, but not one of Hangar's (or the PostgreSQL schema is someone else's).
    public static let databaseForeign = Self("database_foreign", family: .storage)
    public static let reservationNotFound = Self("reservation_not_found", family: .notFound)
    public static let leaseNotFound = Self("lease_not_found", family: .notFound)
    public static let budgetNotFound = Self("budget_not_found", family: .notFound)
}
