public import HangarCore

/// Reads the related rows of a `db.query` `include` and attaches them to the page's objects, whatever runs the
/// statements.
///
/// For each ``CompiledInclude`` the resolver collects the distinct non-null `from` values of the parent rows,
/// reads the related rows with ``CompiledInclude/statement(keys:)`` (one statement per
/// ``CompiledInclude/maximumKeysPerStatement`` keys), shapes them with the ``ResultShaper`` (so masked and hashed
/// fields of the related model come back masked and hashed), resolves their own nested includes the same way,
/// and sets the relation's name as a key of every parent object: an array of related objects (at most the
/// include's `limit`, in primary-key order) for a `many` relation, the related object or `null` for a
/// many-to-one relation. A parent whose `from` value is null gets `[]` or `null`.
///
/// Usage by a runtime, after reading and trimming a page of a ``CompiledQuery`` `query`:
/// ```swift
/// let page = Array(rows.prefix(query.pageSize))
/// let objects = try shaper.shape(page, fields: query.fields)
/// let shaped = try await IncludeResolver.resolve(
///     query.includes, parentRows: page, parents: objects, shaper: shaper
/// ) { statement, model in
///     try await executor.read(statement, model: model, principal: principal, timeout: timeout)
/// }
/// ```
public enum IncludeResolver {
    /// Returns `parents` with `includes` attached.
    ///
    /// - Parameters:
    ///   - includes: the compiled includes of the rows: ``CompiledQuery/includes`` for a page, or a
    ///     ``CompiledInclude/includes`` for that include's rows.
    ///   - parentRows: the raw result rows the parents were shaped from, in the same order (`parents[i]` is
    ///     `parentRows[i]` shaped); the include keys are read from their extra columns.
    ///   - parents: the shaped parent objects.
    ///   - shaper: the shaper for the related rows, normally the one that shaped `parents`.
    ///   - read: runs one statement on the related model's table (``CompiledInclude/model``), read-only and as
    ///     the principal the query was compiled for, and returns its rows (normally ``DataExecutor/read``).
    ///     Statements run one after the other, parents before their children.
    /// - Throws: `internal` when `parentRows` and `parents` differ in length; whatever `read` throws;
    ///   `data_policy_invalid` when a related field's mask pattern does not parse.
    public static func resolve(
        _ includes: [CompiledInclude], parentRows: [[DataValue]], parents: [[String: JSONValue]],
        shaper: ResultShaper, read: (CompiledStatement, ExposedModel) async throws -> [[DataValue]]
    ) async throws -> [[String: JSONValue]] {
        guard parentRows.count == parents.count else {
            throw HangarError(.internal, "the rows and the objects of a page differ in number")
        }
        var result = parents
        for include in includes {
            let keys = Self.keys(of: parentRows, column: include.parentKeyColumn)
            guard !keys.isEmpty else {
                for index in result.indices { result[index][include.name] = include.relation.many ? .array([]) : .null }
                continue
            }
            var rows: [[DataValue]] = []
            var start = 0
            while start < keys.count {
                let end = min(start + CompiledInclude.maximumKeysPerStatement, keys.count)
                rows += try await read(try include.statement(keys: Array(keys[start..<end])), include.model)
                start = end
            }
            var objects = try shaper.shape(rows, fields: include.fields)
            objects = try await resolve(
                include.includes, parentRows: rows, parents: objects, shaper: shaper, read: read)
            var related: [DataValue: [JSONValue]] = [:]
            for (row, object) in zip(rows, objects) {
                guard include.keyColumn < row.count, row[include.keyColumn] != .null else { continue }
                let key = row[include.keyColumn].includeKey
                let kept = related[key]?.count ?? 0
                if kept < (include.relation.many ? include.limit : 1) {
                    related[key, default: []].append(.object(object))
                }
            }
            for index in result.indices {
                let row = parentRows[index]
                let key = include.parentKeyColumn < row.count ? row[include.parentKeyColumn] : .null
                let matches = key == .null ? [] : related[key.includeKey] ?? []
                result[index][include.name] = include.relation.many ? .array(matches) : matches.first ?? .null
            }
        }
        return result
    }

    /// The distinct non-null values of `column` in `rows`, in first-seen order.
    private static func keys(of rows: [[DataValue]], column: Int) -> [DataValue] {
        var seen: Set<DataValue> = []
        var keys: [DataValue] = []
        for row in rows where column < row.count && row[column] != .null {
            if seen.insert(row[column].includeKey).inserted { keys.append(row[column]) }
        }
        return keys
    }
}

extension DataValue {
    /// The value as a key matching a parent's `from` with a related row's `to`: a whole real or a boolean (as
    /// SQLite may return) equals the integer with its value.
    fileprivate var includeKey: DataValue {
        switch self {
        case .real(let real) where real.rounded() == real && abs(real) < 9.0e15: .integer(Int64(real))
        case .boolean(let flag): .integer(flag ? 1 : 0)
        default: self
        }
    }
}
