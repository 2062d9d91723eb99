import HangarCore

/// Checks a raw filter's depth, node count and IN-list sizes against the model's budgets, iteratively, before
/// any recursive decoding: a filter nested 10,000 deep is refused without deep recursion.
enum FilterBudget {
    /// Throws `query_too_complex` when `json` is deeper than `maxFilterDepth`, has more nodes than
    /// `maxFilterNodes`, or has an `in`/`not_in` list longer than `maxInListSize`. Malformed nodes are left for
    /// the decoder to report; this walk only stops descending into them.
    static func check(_ json: JSONValue, budgets: DataBudgets) throws {
        var stack: [(node: JSONValue, depth: Int)] = [(json, 1)]
        var nodes = 0
        while let (node, depth) = stack.popLast() {
            if depth > budgets.maxFilterDepth {
                throw HangarError(.queryTooComplex, "the filter is nested deeper than \(budgets.maxFilterDepth)")
            }
            nodes += 1
            if nodes > budgets.maxFilterNodes {
                throw HangarError(.queryTooComplex, "the filter has more than \(budgets.maxFilterNodes) nodes")
            }
            guard case .object(let object) = node, object.count == 1, let (key, value) = object.first else {
                continue
            }
            switch key {
            case _ where key.isBytewise("and") || key.isBytewise("or"):
                guard case .array(let children) = value else { continue }
                if nodes + stack.count + children.count > budgets.maxFilterNodes {
                    throw HangarError(.queryTooComplex, "the filter has more than \(budgets.maxFilterNodes) nodes")
                }
                for child in children.reversed() { stack.append((child, depth + 1)) }
            case _ where key.isBytewise("not"):
                stack.append((value, depth + 1))
            default:
                guard case .object(let condition) = value else { continue }
                for (op, operand) in condition where op == "in" || op == "not_in" {
                    if case .array(let items) = operand, items.count > budgets.maxInListSize {
                        throw HangarError(
                            .queryTooComplex, "the '\(op)' list has more than \(budgets.maxInListSize) items")
                    }
                }
            }
        }
    }
}
