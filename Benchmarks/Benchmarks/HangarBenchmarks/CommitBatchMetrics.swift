import Metrics
import Synchronization

/// Counts the store's commits and the commands they carried, read from the `hangar_store_commit_batch_size`
/// recorder the group committer reports to: the figure that says whether concurrent callers really share a
/// commit (and its fsync). Every other metric goes to the no-op handler.
final class CommitBatchMetrics: MetricsFactory, RecorderHandler {
    static let label = "hangar_store_commit_batch_size"
    static let shared = CommitBatchMetrics()

    struct Totals: Sendable {
        var commits = 0
        var commands = 0

        static func - (lhs: Totals, rhs: Totals) -> Totals {
            Totals(commits: lhs.commits - rhs.commits, commands: lhs.commands - rhs.commands)
        }
    }

    private let state = Mutex(Totals())
    private static let bootstrapped = Mutex(false)

    /// Installs the factory once per process (swift-metrics allows one bootstrap).
    static func bootstrap() {
        bootstrapped.withLock { done in
            guard !done else { return }
            MetricsSystem.bootstrap(shared)
            done = true
        }
    }

    var totals: Totals { state.withLock { $0 } }

    func record(_ value: Int64) {
        state.withLock {
            $0.commits += 1
            $0.commands += Int(value)
        }
    }

    func record(_ value: Double) { record(Int64(value)) }

    func makeCounter(label: String, dimensions: [(String, String)]) -> any CounterHandler {
        NOOPMetricsHandler.instance
    }

    func makeRecorder(label: String, dimensions: [(String, String)], aggregate: Bool) -> any RecorderHandler {
        label == Self.label ? self : NOOPMetricsHandler.instance
    }

    func makeTimer(label: String, dimensions: [(String, String)]) -> any TimerHandler {
        NOOPMetricsHandler.instance
    }

    func destroyCounter(_ handler: any CounterHandler) {}
    func destroyRecorder(_ handler: any RecorderHandler) {}
    func destroyTimer(_ handler: any TimerHandler) {}
}
