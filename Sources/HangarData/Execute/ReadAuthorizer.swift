internal import GRDBSQLite
internal import HangarCore
import Synchronization

/// The SQLite backstop below the compiler: an authorizer that lets a statement read only the model's exposed,
/// scope and primary-key columns, and nothing else (no other table, no write, no `ATTACH`, no `PRAGMA`).
///
/// GRDB installs its own `sqlite3_set_authorizer` callback once per connection and relies on it for every
/// statement it compiles; SQLite has no way to read back or chain an installed authorizer, and replacing it
/// invalidates prepared statements (GRDB's comment in `Database.setUp`). So the guard owns a second,
/// read-only raw connection to the same file with its own authorizer and prepares (never steps) every
/// statement there before GRDB runs it. A denied action makes `sqlite3_prepare_v2` fail with `SQLITE_AUTH`.
final class ReadAuthorizer: @unchecked Sendable {
    // @unchecked: `connection`, `table`, `allowed` and `approved` are used only while `lock` is held.
    private let lock = Mutex(())
    private let connection: OpaquePointer
    /// The table (lower-cased) and columns (lower-cased) the statement being prepared may read.
    fileprivate var table = ""
    fileprivate var allowed: Set<String> = []
    /// Statements already prepared and allowed, by model and SQL text: the outcome depends on nothing else
    /// (the models are fixed for the executor's life), so a query shape is checked once, not on every call.
    private var approved: Set<String> = []
    static let maximumApproved = 4096

    init(path: String) throws {
        var handle: OpaquePointer?
        let code = sqlite3_open_v2(path, &handle, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nil)
        guard code == SQLITE_OK, let handle else {
            sqlite3_close(handle)
            throw HangarError(.databaseUnavailable, "cannot open the database read-only")
        }
        connection = handle
        sqlite3_set_authorizer(
            handle,
            { context, action, first, second, _, _ in
                guard let context else { return SQLITE_DENY }
                let guardian = Unmanaged<ReadAuthorizer>.fromOpaque(context).takeUnretainedValue()
                return guardian.authorize(action, first.map { String(cString: $0) }, second.map { String(cString: $0) })
            }, Unmanaged.passUnretained(self).toOpaque())
    }

    deinit {
        sqlite3_close_v2(connection)
    }

    /// Prepares `sql` under the authorizer for `model`.
    ///
    /// - Throws: `database_error` (``HangarError/statementRefused()``) when the statement reads anything but the
    ///   model's allowed columns or writes; `database_error` when it does not compile.
    func check(_ sql: String, model: ExposedModel) throws {
        let key = model.name + "\u{0}" + sql
        if lock.withLock({ _ in approved.contains(key) }) { return }
        var columns = Set(model.fields.keys.map { $0.lowercased() })
        columns.insert(model.primaryKey.lowercased())
        for scope in [model.tenantColumn, model.ownerColumn, model.softDeleteColumn] {
            if let scope { columns.insert(scope.lowercased()) }
        }
        let code: Int32 = lock.withLock { _ in
            table = model.name.lowercased()
            allowed = columns
            var statement: OpaquePointer?
            let code = sqlite3_prepare_v2(connection, sql, -1, &statement, nil)
            sqlite3_finalize(statement)
            if code == SQLITE_OK {
                if approved.count >= Self.maximumApproved { approved.removeAll(keepingCapacity: true) }
                approved.insert(key)
            }
            return code
        }
        switch code {
        case SQLITE_OK: return
        case SQLITE_AUTH: throw HangarError.statementRefused()
        default: throw HangarError.databaseError(nil)
        }
    }

    fileprivate func authorize(_ action: Int32, _ first: String?, _ second: String?) -> Int32 {
        switch action {
        case SQLITE_SELECT, SQLITE_FUNCTION, SQLITE_RECURSIVE:
            return SQLITE_OK
        case SQLITE_READ:
            guard first?.lowercased() == table, let column = second?.lowercased() else { return SQLITE_DENY }
            // An empty column is a table read without columns, such as COUNT(*).
            return column.isEmpty || allowed.contains(column) ? SQLITE_OK : SQLITE_DENY
        default:
            return SQLITE_DENY
        }
    }
}
