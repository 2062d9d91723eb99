import Synchronization

/// Wakes readers waiting for the log to grow: writers in this process call ``advance(to:)`` after each
/// commit; the PostgreSQL adapter also calls it for `NOTIFY`s from other processes.
final class LogHeadSignal: Sendable {
    private struct State {
        var head: Int64 = 0
        var nextID: UInt64 = 0
        var waiters: [UInt64: (after: Int64, continuation: CheckedContinuation<Void, Never>)] = [:]
    }

    private let state = Mutex(State())

    func advance(to head: Int64) {
        let ready = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            guard head > state.head else { return [] }
            state.head = head
            let due = state.waiters.filter { $0.value.after < head }
            for id in due.keys { state.waiters[id] = nil }
            return due.values.map(\.continuation)
        }
        for continuation in ready { continuation.resume() }
    }

    /// Returns once the head is past `seq`, after `timeoutMilliseconds`, or when the task is cancelled.
    func wait(after seq: Int64, timeoutMilliseconds: Int64) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.waitForHead(after: seq) }
            group.addTask { try? await Task.sleep(for: .milliseconds(timeoutMilliseconds)) }
            await group.next()
            group.cancelAll()
        }
    }

    private func waitForHead(after seq: Int64) async {
        let id = state.withLock { state -> UInt64 in
            state.nextID += 1
            return state.nextID
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = state.withLock { state -> Bool in
                    if state.head > seq || Task.isCancelled { return true }
                    state.waiters[id] = (seq, continuation)
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            let waiter = state.withLock { $0.waiters.removeValue(forKey: id) }
            waiter?.continuation.resume()
        }
    }
}
