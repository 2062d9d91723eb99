import HangarCore
import NIOCore
import Synchronization

/// Notices, on each connection, when the client goes away or the server starts to shut down, so a delay or a
/// stream stops at once instead of at its next write.
///
/// Hummingbird's response body writer does throw once the peer has closed, but only at the next write: a
/// stream at 10 tokens per second learns of it up to 100 ms late, and a delay or a slow first token, which
/// write nothing, not at all. Hummingbird allows remote half-closure, so a client that closes its socket shows
/// up at once as `ChannelEvent.inputClosed` (its FIN); a graceful shutdown shows up as
/// `ChannelShouldQuiesceEvent`. Both pass through this handler, which sits in every connection's pipeline;
/// requests find it with `pipeline.handler(type:)`. Its state is behind a `Mutex`, written on the event loop
/// and read from request tasks.
final class ConnectionWatch: ChannelInboundHandler, RemovableChannelHandler, Sendable {
    typealias InboundIn = NIOAny

    /// Why a connection's work should stop.
    enum Reason: Sendable, Equatable {
        case clientClosed
        case serverStopping

        var error: HangarError {
            switch self {
            case .clientClosed: HangarError(.mockClientClosed, "the client closed the connection")
            case .serverStopping: HangarError(.mockServerStopping, "the mock is shutting down")
            }
        }
    }

    private struct State {
        var reason: Reason?
        var waiters: [Int: CheckedContinuation<Reason?, Never>] = [:]
        var cancelled: Set<Int> = []
        var nextWaiter = 0
    }

    private let state = Mutex(State())

    /// Why work on this connection should stop, if it should.
    var reason: Reason? { state.withLock { $0.reason } }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let event = event as? ChannelEvent, event == .inputClosed {
            trip(.clientClosed)
        } else if event is ChannelShouldQuiesceEvent {
            trip(.serverStopping)
        }
        context.fireUserInboundEventTriggered(event)
    }

    func channelInactive(context: ChannelHandlerContext) {
        trip(.clientClosed)
        context.fireChannelInactive()
    }

    /// Waits `duration`, or throws the stop reason's error as soon as there is one.
    func pause(for duration: Duration) async throws {
        if let reason { throw reason.error }
        guard duration > .zero else { return }
        let stopped = try await withThrowingTaskGroup(of: Reason?.self) { group in
            group.addTask {
                try await Task.sleep(for: duration)
                return nil
            }
            group.addTask { await self.stopped() }
            let first = try await group.next() ?? nil
            group.cancelAll()
            return first
        }
        if let stopped { throw stopped.error }
    }

    /// Suspends until there is a stop reason and returns it; returns `nil` if the task is cancelled first.
    func stopped() async -> Reason? {
        let id = state.withLock { state in
            state.nextWaiter += 1
            return state.nextWaiter
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let immediate: Reason?? = state.withLock { state in
                    if let reason = state.reason { return .some(reason) }
                    if state.cancelled.remove(id) != nil { return .some(nil) }
                    state.waiters[id] = continuation
                    return .none
                }
                if let immediate { continuation.resume(returning: immediate) }
            }
        } onCancel: {
            let waiter = state.withLock { state in
                let waiter = state.waiters.removeValue(forKey: id)
                if waiter == nil { state.cancelled.insert(id) }
                return waiter
            }
            waiter?.resume(returning: nil)
        }
    }

    private func trip(_ reason: Reason) {
        let waiters = state.withLock { state in
            if state.reason == nil { state.reason = reason }
            defer { state.waiters.removeAll() }
            return state.waiters.values
        }
        for waiter in waiters { waiter.resume(returning: reason) }
    }
}
