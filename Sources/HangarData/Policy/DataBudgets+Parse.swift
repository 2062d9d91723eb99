extension DataBudgets {
    /// The policy keys with the range each accepts and where it goes.
    private static var limits: [(key: String, range: ClosedRange<Int>, path: WritableKeyPath<DataBudgets, Int>)] {
        [
            ("max_rows", 1...10_000, \.maxRows),
            ("max_selected_fields", 1...1_000, \.maxSelectedFields),
            ("max_filter_nodes", 1...1_000, \.maxFilterNodes),
            ("max_filter_depth", 1...32, \.maxFilterDepth),
            ("max_in_list", 1...10_000, \.maxInListSize),
            ("statement_timeout_ms", 1...600_000, \.statementTimeoutMilliseconds),
            ("calls_per_minute", 1...1_000_000, \.callsPerMinute),
        ]
    }

    /// The `budgets` object of a model; keys it leaves out keep their defaults.
    static func parse(_ node: PolicyNode) throws -> DataBudgets {
        let members = try node.object(allowed: limits.map(\.key))
        var budgets = DataBudgets()
        for limit in limits {
            if let value = members.present(limit.key) { budgets[keyPath: limit.path] = try value.int(in: limit.range) }
        }
        return budgets
    }
}
