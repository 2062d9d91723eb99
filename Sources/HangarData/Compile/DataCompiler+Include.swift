extension DataCompiler {
    /// The alias of the per-parent row number in a `many` include's subquery (made unique against its columns).
    static let includeRankAlias = "hangar_rank"
    /// The alias of a `many` include's subquery.
    static let includeRankedAlias = "hangar_ranked"

    /// Compiles `includes` of a query whose result columns are `parentColumns`, appending the `from` column of
    /// each include that `parentColumns` lacks. The related models' row scopes are checked for `principal` now,
    /// so a query the principal may not run fails here rather than after its page was read.
    func compileIncludes(
        _ includes: [IncludeRequest], parentColumns: inout [String], principal: Principal
    ) throws -> [CompiledInclude] {
        var compiled: [CompiledInclude] = []
        compiled.reserveCapacity(includes.count)
        for include in includes {
            let parentKeyColumn = Self.column(include.relation.from, in: &parentColumns)
            var columns = include.select.map(\.name)
            let keyColumn = Self.column(include.relation.to, in: &columns)
            let nested = try compileIncludes(include.include, parentColumns: &columns, principal: principal)
            var probe = SQLBuilder(dialect: dialect)
            try probe.appendScope(model: include.model, principal: principal)
            compiled.append(
                CompiledInclude(
                    name: include.name, relation: include.relation, model: include.model, fields: include.select,
                    parentKeyColumn: parentKeyColumn, keyColumn: keyColumn, limit: include.limit, includes: nested,
                    columns: columns, dialect: dialect, principal: principal))
        }
        return compiled
    }

    /// The index of `name` in `columns` (bytewise), appending it when missing.
    private static func column(_ name: String, in columns: inout [String]) -> Int {
        if let index = columns.firstIndex(where: { $0.isBytewise(name) }) { return index }
        columns.append(name)
        return columns.count - 1
    }

    /// The statement of ``CompiledInclude/statement(keys:)``.
    ///
    /// Many-to-one:
    /// `SELECT <columns> FROM "m" WHERE <scope> AND "to" IN (?, …) ORDER BY "pk" ASC`.
    /// One-to-many, at most `limit` rows per key, in primary-key order:
    /// `SELECT <columns> FROM (SELECT <columns>, ROW_NUMBER() OVER (PARTITION BY "to" ORDER BY "pk" ASC) AS
    /// "hangar_rank" FROM "m" WHERE <scope> AND "to" IN (?, …)) AS "hangar_ranked" WHERE "hangar_rank" <= ?
    /// ORDER BY "to" ASC, "hangar_rank" ASC`.
    /// Window functions need SQLite 3.25 or later; PostgreSQL has them all.
    static func statement(for include: CompiledInclude, keys: [DataValue]) throws -> CompiledStatement {
        var builder = SQLBuilder(dialect: include.dialect)
        let model = include.model
        let to = include.relation.to
        builder.append("SELECT ")
        builder.appendIdentifiers(include.columns)
        var rank = includeRankAlias
        if include.relation.many {
            // SQLite compares quoted identifiers case-insensitively, so the alias differs from every column so.
            while include.columns.contains(where: { $0.lowercased() == rank.lowercased() }) { rank += "_" }
            builder.append(" FROM (SELECT ")
            builder.appendIdentifiers(include.columns)
            builder.append(", ROW_NUMBER() OVER (PARTITION BY ")
            builder.appendIdentifier(to)
            builder.append(" ORDER BY ")
            builder.appendIdentifier(model.primaryKey)
            builder.append(" ASC) AS ")
            builder.appendIdentifier(rank)
        }
        builder.append(" FROM ")
        builder.appendIdentifier(model.name)
        try builder.appendScope(model: model, principal: include.principal)
        builder.beginPredicate()
        builder.appendIdentifier(to)
        builder.append(" IN (")
        if keys.isEmpty { builder.append("NULL") }
        for (index, key) in keys.enumerated() {
            if index > 0 { builder.append(", ") }
            builder.appendBind(key)
        }
        builder.append(")")
        if include.relation.many {
            builder.append(") AS ")
            builder.appendIdentifier(includeRankedAlias)
            builder.append(" WHERE ")
            builder.appendIdentifier(rank)
            builder.append(" <= ")
            builder.appendBind(.integer(Int64(include.limit)))
            builder.append(" ORDER BY ")
            builder.appendIdentifier(to)
            builder.append(" ASC, ")
            builder.appendIdentifier(rank)
            builder.append(" ASC")
        } else {
            builder.append(" ORDER BY ")
            builder.appendIdentifier(model.primaryKey)
            builder.append(" ASC")
        }
        return builder.statement
    }
}
