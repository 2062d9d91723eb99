/// Requests and tokens of one key over the last 60 seconds, in one-second buckets.
struct MinuteWindow {
    private var requests = [Int64](repeating: 0, count: 60)
    private var tokens = [Int64](repeating: 0, count: 60)
    private var seconds = [Int64](repeating: -1, count: 60)

    private mutating func clear(at second: Int64) {
        for index in 0..<60 where seconds[index] <= second - 60 {
            requests[index] = 0
            tokens[index] = 0
            seconds[index] = -1
        }
    }

    mutating func totals(at second: Int64) -> (requests: Int64, tokens: Int64) {
        clear(at: second)
        return (requests.reduce(0, +), tokens.reduce(0, +))
    }

    mutating func add(requests count: Int64, tokens amount: Int64, at second: Int64) {
        clear(at: second)
        let index = Int(second % 60)
        if seconds[index] != second {
            seconds[index] = second
            requests[index] = 0
            tokens[index] = 0
        }
        requests[index] += count
        tokens[index] += amount
    }

    /// Seconds until the oldest bucket still counted leaves the window (at least 1).
    func secondsUntilRelief(at second: Int64) -> Int64 {
        let oldest = seconds.filter { $0 > second - 60 && $0 >= 0 }.min() ?? second
        return max(1, oldest + 60 - second)
    }
}
