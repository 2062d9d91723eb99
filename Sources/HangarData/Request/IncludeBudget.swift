import HangarCore

/// Checks a raw `include` object's depth and relation count, iteratively, before any recursive decoding: an
/// include nested 10,000 deep is refused without deep recursion.
enum IncludeBudget {
    /// Throws `query_too_complex` when `json` nests includes deeper than ``RelationPolicy/maximumDepth`` or names
    /// more than `maxIncludes` relations in all. Malformed nodes are left for the decoder to report; this walk only
    /// stops descending into them.
    static func check(_ json: JSONValue, maxIncludes: Int) throws {
        let maxDepth = RelationPolicy.maximumDepth
        var stack: [(node: JSONValue, depth: Int)] = [(json, 1)]
        var count = 0
        while let (node, depth) = stack.popLast() {
            guard case .object(let relations) = node, !relations.isEmpty else { continue }
            if depth > maxDepth {
                throw HangarError(.queryTooComplex, "includes are nested deeper than \(maxDepth)")
            }
            count += relations.count
            if count > maxIncludes {
                throw HangarError(.queryTooComplex, "include at most \(maxIncludes) relations")
            }
            for (_, value) in relations {
                guard case .object(let options) = value, let nested = options["include"] else { continue }
                stack.append((nested, depth + 1))
            }
        }
    }
}
