/// Runs `operation`, failing with `onTimeout()` when it takes longer than `duration`.
func withDeadline<Value: Sendable>(
    _ duration: Duration, onTimeout: @escaping @Sendable () -> any Error,
    _ operation: @escaping @Sendable () async throws -> Value
) async throws -> Value {
    try await withThrowingTaskGroup(of: Value.self) { group in
        group.addTask { try await operation() }
        group.addTask {
            try await Task.sleep(for: duration)
            throw onTimeout()
        }
        defer { group.cancelAll() }
        guard let value = try await group.next() else { throw onTimeout() }
        return value
    }
}
