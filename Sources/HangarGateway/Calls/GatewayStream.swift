import AsyncHTTPClient
import HangarCore
public import NIOCore
import Synchronization

/// A streaming call whose upstream has answered: its headers are known, its events are yet to be relayed.
///
/// ``pump(write:)`` relays the events to the client as they arrive and then records the call. When a write fails
/// (the client went away) the upstream request is cancelled at once, which closes its connection, and what was
/// produced so far is billed.
public struct GatewayStream: Sendable {
    public var headers: [(String, String)]
    let gateway: Gateway
    let request: ChatRequest
    let context: CallContext
    let admission: Admission
    let dispatched: Dispatcher.Result<HTTPClientResponse>

    /// Relays the stream through `write` (called from this task only) and records the call.
    public func pump(write: (ByteBuffer) async throws -> Void) async {
        let (buffers, continuation) = AsyncStream.makeStream(of: ByteBuffer.self)
        let idle = StreamFlags()
        let lastActivity = idle
        let idleLimit = gateway.config.resilience.streamIdleTimeout
        var clientGone = false
        var produced: Produced?
        await withTaskGroup(of: Produced?.self) { group in
            group.addTask { await produce(into: continuation, lastActivity: lastActivity) }
            group.addTask {
                // The idle watchdog: ends the stream when the upstream falls silent for too long.
                while !Task.isCancelled {
                    let since = ContinuousClock.now - lastActivity.lastActivity
                    if since >= idleLimit {
                        idle.markIdle()
                        continuation.finish()
                        return nil
                    }
                    try? await Task.sleep(for: min(idleLimit - since, .seconds(1)))
                }
                return nil
            }
            for await buffer in buffers {
                do {
                    try await write(buffer)
                } catch {
                    clientGone = true
                    break
                }
            }
            group.cancelAll()
            for await result in group { if let result { produced = result } }
        }
        record(
            produced
                ?? Produced(
                    meter: StreamMeter(format: dispatched.provider.format, promptEstimate: request.promptEstimate)),
            clientGone: clientGone, idle: idle.idle)
    }

    struct Produced: Sendable {
        var meter: StreamMeter
        var error: HangarError?
    }

    private func produce(into continuation: AsyncStream<ByteBuffer>.Continuation, lastActivity: StreamFlags) async
        -> Produced
    {
        var meter = StreamMeter(format: dispatched.provider.format, promptEstimate: request.promptEstimate)
        var relay = StreamRelay(
            client: request.format, upstream: dispatched.provider.format, model: request.model,
            includeUsage: request.includeUsage)
        var decoder = SSEDecoder()
        var failure: HangarError?
        defer { continuation.finish() }
        func forward(_ messages: [SSEMessage]) throws {
            var out = ByteBuffer()
            for message in messages {
                meter.observe(message)
                for relayed in try relay.relay(message) { out.writeString(relayed.encoded) }
            }
            if out.readableBytes > 0 { continuation.yield(out) }
        }
        do {
            for try await chunk in dispatched.value.body {
                lastActivity.touch()
                try forward(decoder.feed(chunk.readableBytesView))
            }
            try forward(decoder.finish())
            if meter.finished {
                var out = ByteBuffer()
                for message in relay.finish() { out.writeString(message.encoded) }
                if out.readableBytes > 0 { continuation.yield(out) }
            }
        } catch {
            if Task.isCancelled { return Produced(meter: meter) }
            failure =
                error as? HangarError
                ?? HangarError(
                    .upstreamInvalidResponse, "\(dispatched.deployment.id) broke off its stream", underlying: error)
        }
        if !meter.finished {
            let error =
                failure ?? HangarError(.upstreamInvalidResponse, "\(dispatched.deployment.id) ended its stream early")
            continuation.yield(ByteBuffer(string: StreamRelay.error(error, client: request.format).encoded))
            return Produced(meter: meter, error: error)
        }
        return Produced(meter: meter, error: failure)
    }

    private func record(_ produced: Produced, clientGone: Bool, idle: Bool) {
        let (usage, estimated) = produced.meter.usage
        var outcome: CallRecord.Outcome = .ok
        var error = produced.error
        if clientGone {
            outcome = .clientClosed
        } else if idle {
            outcome = .cut
            error = HangarError(.upstreamTimeout, "\(dispatched.deployment.id) fell silent mid-stream")
        } else if error != nil || !produced.meter.finished {
            outcome = .cut
        }
        var record = CallRecord(
            context: context, model: request.model, deployment: dispatched.deployment.id, stream: true,
            attempts: dispatched.attempts, usage: usage, cost: dispatched.deployment.price.cost(of: usage),
            reservation: admission.reservation, outcome: outcome, error: error,
            latency: ContinuousClock.now - context.started, upstream: dispatched.upstream)
        record.usageEstimated = estimated
        gateway.finish(record, admission: admission)
    }
}

extension Gateway {
    /// Starts a streaming chat call: admits it, finds a deployment that answers with a stream, and returns before
    /// the first event so the server can send the headers.
    public func openStream(_ request: ChatRequest, context: CallContext) async throws -> GatewayStream {
        let admission = try await admit(
            model: request.model, promptEstimate: request.promptEstimate, maxTokens: request.maxTokens,
            context: context, stream: true)
        let result: Dispatcher.Result<HTTPClientResponse>
        do {
            result = try await dispatcher.run(admission.route) { deployment, provider throws(UpstreamFailure) in
                let body: ByteBuffer
                do {
                    body = try UpstreamBody.chat(
                        request, deployment: deployment, provider: provider, maxTokens: admission.maxTokens)
                } catch {
                    throw UpstreamFailure(error: HangarError.wrapping(error), retryable: false)
                }
                return try await send(body, path: provider.format.chatPath, deployment: deployment, provider: provider)
            }
        } catch {
            throw failed(error, context: context, model: admission.route.alias, stream: true, admission: admission)
        }
        let headers =
            headers(
                context, route: admission.route.alias, deployment: result.deployment.id,
                attempts: result.attempts.count, cost: nil, overhead: nil) + admission.headers
        return GatewayStream(
            headers: headers, gateway: self, request: request, context: context, admission: admission,
            dispatched: result)
    }
}

/// What the relay and its idle watchdog share: when the upstream last sent something, and whether the watchdog
/// ended the stream.
final class StreamFlags: Sendable {
    private let state = Mutex((last: ContinuousClock.now, idle: false))

    var lastActivity: ContinuousClock.Instant { state.withLock { $0.last } }
    var idle: Bool { state.withLock { $0.idle } }

    func touch() { state.withLock { $0.last = .now } }
    func markIdle() { state.withLock { $0.idle = true } }
}
