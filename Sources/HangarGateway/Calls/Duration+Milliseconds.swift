extension Duration {
    /// The duration in (fractional) milliseconds, for latency figures.
    var milliseconds: Double {
        Double(components.seconds) * 1_000 + Double(components.attoseconds) / 1e15
    }
}
