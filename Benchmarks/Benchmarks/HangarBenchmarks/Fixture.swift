import Synchronization

/// Holds what a benchmark's setup prepared until its teardown: ordo-one's closures are separate, so the state
/// they share lives in a box they all capture.
final class Fixture<Value: Sendable>: Sendable {
    private let state = Mutex<Value?>(nil)

    func set(_ value: Value) { state.withLock { $0 = value } }

    var value: Value {
        get throws {
            guard let value = state.withLock({ $0 }) else { throw BenchError("the benchmark setup did not run") }
            return value
        }
    }

    func take() -> Value? {
        state.withLock { state in
            defer { state = nil }; return state
        }
    }
}
