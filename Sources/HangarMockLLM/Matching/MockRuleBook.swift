/// The script's rules with the uses each has left: the first rule that matches a request and has uses left
/// answers it, and that use is spent at once, so concurrent requests never share the last use of a rule.
actor MockRuleBook {
    private let rules: [MockRule]
    private var used: [Int]

    init(rules: [MockRule]) {
        self.rules = rules
        self.used = Array(repeating: 0, count: rules.count)
    }

    /// The rule that answers a request for `model` whose last user message reads `text`, with its index.
    func take(model: String?, text: String) -> (index: Int, rule: MockRule)? {
        for (index, rule) in rules.enumerated() where rule.matches(model: model, text: text) {
            if let times = rule.times, used[index] >= times { continue }
            used[index] += 1
            return (index, rule)
        }
        return nil
    }
}
