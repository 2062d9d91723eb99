public import HangarCore

/// What the mock saw, in arrival order: `GET /_mock/requests` reads it, `DELETE /_mock/requests` clears it,
/// and Swift tests read it directly through ``MockHandle/recorder``.
public actor MockRecorder {
    private var records: [Int: MockRequestRecord] = [:]
    private var lastSeq = 0
    private let clock: HangarClock

    public init(clock: HangarClock = .system) {
        self.clock = clock
    }

    /// Every request recorded since the last ``clear()``, oldest first.
    public func requests() -> [MockRequestRecord] {
        records.values.sorted { $0.seq < $1.seq }
    }

    public func request(seq: Int) -> MockRequestRecord? { records[seq] }

    /// Forgets every record; requests still being answered stop being tracked. Seqs keep counting.
    public func clear() {
        records.removeAll()
    }

    /// Records a request that just arrived as `pending` and returns its seq.
    func begin(path: String, model: String?, stream: Bool, rule: Int?, authorized: Bool) -> Int {
        lastSeq += 1
        records[lastSeq] = MockRequestRecord(
            seq: lastSeq, path: path, model: model, stream: stream, rule: rule,
            startedMilliseconds: clock.nowMilliseconds(), authorized: authorized)
        return lastSeq
    }

    func progress(seq: Int, tokensSent: Int) {
        records[seq]?.tokensSent = tokensSent
    }

    /// Marks a request finished, now. A request is finished once; later calls change nothing.
    func finish(seq: Int, outcome: MockRequestRecord.Outcome, tokensSent: Int? = nil) {
        guard var record = records[seq], record.outcome == .pending else { return }
        record.outcome = outcome
        record.finishedMilliseconds = clock.nowMilliseconds()
        if let tokensSent { record.tokensSent = tokensSent }
        records[seq] = record
    }
}
