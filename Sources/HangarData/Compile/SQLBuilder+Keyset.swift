extension SQLBuilder {
    /// `AND (<rows after the cursor>)` for the keyset `keys` and the last row's `values`: the disjunction over
    /// each key of "all earlier keys equal and this key after". `NULL` sorts as the largest value (`NULLS LAST`
    /// ascending, `NULLS FIRST` descending), which decides what "after" means for a null or nullable key.
    mutating func appendKeyset(_ keys: [SortKey], after values: [DataValue]) {
        beginPredicate()
        append("(")
        var wroteDisjunct = false
        for (index, key) in keys.enumerated() {
            let value = values[index]
            // Whether any row is after `value` on this key alone; if not, this disjunct is empty.
            let hasAfter = value == .null ? key.descending : true
            guard hasAfter else { continue }
            if wroteDisjunct { append(" OR ") }
            wroteDisjunct = true
            let compound = index > 0
            if compound { append("(") }
            for earlier in 0..<index {
                appendIdentifier(keys[earlier].column)
                if values[earlier] == .null {
                    append(" IS NULL")
                } else {
                    append(" = ")
                    appendBind(values[earlier])
                }
                append(" AND ")
            }
            appendAfter(key, value)
            if compound { append(")") }
        }
        if !wroteDisjunct { append("1 = 0") }
        append(")")
    }

    private mutating func appendAfter(_ key: SortKey, _ value: DataValue) {
        if value == .null {
            // Descending with nulls first: every non-null row comes after.
            appendIdentifier(key.column)
            append(" IS NOT NULL")
            return
        }
        let nullsAfter = key.nullable && !key.descending
        if nullsAfter { append("(") }
        appendIdentifier(key.column)
        append(key.descending ? " < " : " > ")
        appendBind(value)
        if nullsAfter {
            append(" OR ")
            appendIdentifier(key.column)
            append(" IS NULL)")
        }
    }
}
