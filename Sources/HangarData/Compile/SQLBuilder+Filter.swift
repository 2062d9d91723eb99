extension SQLBuilder {
    /// Writes a resolved filter. `and`/`or` children that are themselves `and`/`or` are parenthesized; `not`
    /// always parenthesizes its operand.
    mutating func appendFilter(_ filter: Filter) {
        switch filter {
        case .and(let children): appendJoined(children, separator: " AND ")
        case .or(let children): appendJoined(children, separator: " OR ")
        case .not(let inner):
            append("NOT (")
            appendFilter(inner)
            append(")")
        case .condition(let condition): appendCondition(condition)
        }
    }

    private mutating func appendJoined(_ children: [Filter], separator: StaticString) {
        for (index, child) in children.enumerated() {
            if index > 0 { append(separator) }
            switch child {
            case .and where children.count > 1, .or where children.count > 1:
                append("(")
                appendFilter(child)
                append(")")
            default:
                appendFilter(child)
            }
        }
    }

    private mutating func appendCondition(_ condition: FilterCondition) {
        appendIdentifier(condition.field.name)
        switch (condition.op, condition.operand) {
        case (_, .value(let value)):
            switch condition.op {
            case .ne: append(" <> ")
            case .lt: append(" < ")
            case .lte: append(" <= ")
            case .gt: append(" > ")
            case .gte: append(" >= ")
            default: append(" = ")
            }
            appendBind(value)
        case (_, .list(let values)):
            append(condition.op == .notIn ? " NOT IN (" : " IN (")
            for (index, value) in values.enumerated() {
                if index > 0 { append(", ") }
                appendBind(value)
            }
            append(")")
        case (_, .isNull(let isNull)):
            append(isNull ? " IS NULL" : " IS NOT NULL")
        case (_, .text(let text)):
            append(" LIKE ")
            appendBind(.text(Self.likePattern(text, op: condition.op)))
            append(" ESCAPE '\\'")
        case (_, .range(let low, let high)):
            append(" BETWEEN ")
            appendBind(low)
            append(" AND ")
            appendBind(high)
        }
    }

    /// The `LIKE` pattern for `contains`, `starts_with` or `ends_with`: `\`, `%` and `_` in the text are
    /// escaped with `\` (the statement says `ESCAPE '\'`), so the text matches literally.
    static func likePattern(_ text: String, op: FilterOperator) -> String {
        var pattern = ""
        pattern.reserveCapacity(text.utf8.count + 2)
        if op != .startsWith { pattern += "%" }
        for scalar in text.unicodeScalars {
            if scalar == "\\" || scalar == "%" || scalar == "_" { pattern += "\\" }
            pattern.unicodeScalars.append(scalar)
        }
        if op != .endsWith { pattern += "%" }
        return pattern
    }
}
