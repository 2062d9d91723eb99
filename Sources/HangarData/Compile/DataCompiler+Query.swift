internal import Crypto
import HangarCore

extension DataCompiler {
    /// Compiles `db.query`:
    /// `SELECT <fields> FROM "t" WHERE <scope> AND (<filter>) [AND (<keyset>)] ORDER BY <order>, "pk" LIMIT ?`.
    /// `ORDER BY` always ends with the primary key, so pages are stable; nullable sort fields sort `NULL` as the
    /// largest value in both dialects. A cursor must have been issued for this principal, tenant and query.
    /// Each `include` becomes a ``CompiledInclude``, read after the page; the parent's `from` columns the
    /// selection lacks are appended after the sort-key columns.
    public func compile(_ request: QueryRequest, model: ExposedModel, principal: Principal) throws -> CompiledQuery {
        var keys = request.orderBy.map {
            SortKey(column: $0.field.name, descending: $0.direction == .desc, nullable: $0.field.nullable)
        }
        if !keys.contains(where: { $0.column.isBytewise(model.primaryKey) }) {
            keys.append(SortKey(column: model.primaryKey, descending: false, nullable: false))
        }
        var columns = request.select.map(\.name)
        var sortKeyColumns: [Int] = []
        sortKeyColumns.reserveCapacity(keys.count)
        for key in keys {
            if let index = columns.firstIndex(where: { $0.isBytewise(key.column) }) {
                sortKeyColumns.append(index)
            } else {
                sortKeyColumns.append(columns.count)
                columns.append(key.column)
            }
        }
        let includes = try compileIncludes(request.include, parentColumns: &columns, principal: principal)

        var builder = SQLBuilder(dialect: dialect)
        builder.append("SELECT ")
        builder.appendIdentifiers(columns)
        builder.append(" FROM ")
        builder.appendIdentifier(model.name)
        try builder.appendScope(model: model, principal: principal)
        builder.appendRootFilter(request.filter)

        let binding = CursorBinding(
            principalID: principal.id, tenant: principal.tenant, model: model.name,
            queryDigest: Self.queryDigest(builder, keys: keys, limit: request.limit), keyCount: keys.count)
        if let cursor = request.cursor {
            builder.appendKeyset(keys, after: try values(of: cursor, binding: binding))
        }
        builder.append(" ORDER BY ")
        for (index, key) in keys.enumerated() {
            if index > 0 { builder.append(", ") }
            builder.appendIdentifier(key.column)
            builder.append(key.descending ? " DESC" : " ASC")
            if key.nullable { builder.append(key.descending ? " NULLS FIRST" : " NULLS LAST") }
        }
        builder.append(" LIMIT ")
        builder.appendBind(.integer(Int64(request.limit) + 1))
        return CompiledQuery(
            statement: builder.statement, fields: request.select, sortKeyColumns: sortKeyColumns,
            pageSize: request.limit, cursorBinding: binding, includes: includes)
    }

    /// SHA-256 of the query without its cursor: the statement so far (columns, table, scope, filter) with its
    /// binds, the sort keys and the limit.
    static func queryDigest(_ builder: SQLBuilder, keys: [SortKey], limit: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(builder.sql.utf8.count + 64)
        CursorCodec.appendLengthPrefixed(builder.sql.utf8, to: &bytes)
        for bind in builder.binds { CursorCodec.append(bind, to: &bytes) }
        for key in keys {
            CursorCodec.appendLengthPrefixed(key.column.utf8, to: &bytes)
            bytes.append(key.descending ? 1 : 0)
        }
        CursorCodec.append(.integer(Int64(limit)), to: &bytes)
        return Array(SHA256.hash(data: bytes))
    }
}
