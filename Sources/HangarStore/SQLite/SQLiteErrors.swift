import GRDB
import HangarCore

/// Maps SQLite failures to Hangar codes. The SQLite message stays in `underlying`, out of client view.
enum SQLiteErrors {
    static func classify(_ error: any Error) -> HangarError {
        if let error = error as? HangarError { return error }
        guard let error = error as? DatabaseError else { return HangarError.wrapping(error) }
        switch error.resultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            return HangarError(.databaseCorrupt, "the database file is not a valid SQLite database", underlying: error)
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_READONLY, .SQLITE_IOERR, .SQLITE_FULL:
            return HangarError(.databaseUnavailable, "the database file cannot be opened or written", underlying: error)
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return HangarError(.databaseUnavailable, "the database is busy", underlying: error)
        default:
            return HangarError(.internal, "storage error", underlying: error)
        }
    }
}
