import HangarCore
import HangarStore
import Hummingbird
import Logging
import ServiceLifecycle

/// The body of an SSE response that follows the event log after a seq.
///
/// One child task reads `storage.subscribe(after:stream:)` (replay, then live, no gap or duplicate) and hands
/// each event to the writer, waiting for it to be written before reading on, so a slow client holds back its
/// own reads and nothing else; another emits a heartbeat comment every `heartbeat`. The stream ends when the
/// client goes away, when the log cannot be read, or on graceful shutdown, so SIGTERM is never held up by an
/// open stream.
struct EventStreamBody: Sendable {
    let storage: any HangarStorage
    let after: Int64
    let stream: String?
    let heartbeat: Duration
    let logger: Logger

    private enum Item: Sendable {
        case event(Event)
        case heartbeat
    }

    func makeBody() -> ResponseBody {
        ResponseBody { writer in
            try await writer.write(ByteBuffer(string: ServerSentEvent.comment("connected")))
            let (items, itemSink) = AsyncStream<Item>.makeStream()
            let (written, writtenSink) = AsyncStream<Void>.makeStream()
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await follow(into: itemSink, written: written) }
                group.addTask { await beat(into: itemSink) }
                do {
                    try await withGracefulShutdownHandler {
                        for await item in items {
                            try await writer.write(ByteBuffer(string: try frame(item)))
                            if case .event = item { writtenSink.yield() }
                        }
                    } onGracefulShutdown: {
                        itemSink.finish()
                    }
                } catch {
                    writtenSink.finish()
                    group.cancelAll()
                    throw error
                }
                writtenSink.finish()
                group.cancelAll()
            }
            try await writer.finish(nil)
        }
    }

    private func frame(_ item: Item) throws -> String {
        switch item {
        case .event(let event): try ServerSentEvent.message(for: event)
        case .heartbeat: ServerSentEvent.comment("heartbeat")
        }
    }

    /// Reads the log and yields one event at a time, each only after the previous one was written.
    private func follow(into sink: AsyncStream<Item>.Continuation, written: AsyncStream<Void>) async {
        defer { sink.finish() }
        var acknowledgements = written.makeAsyncIterator()
        do {
            for try await event in storage.subscribe(after: after, stream: stream) {
                sink.yield(.event(event))
                guard await acknowledgements.next() != nil else { return }
            }
        } catch is CancellationError {
            return
        } catch {
            logger.error(
                "event stream stopped: the log cannot be read",
                metadata: ["events.after": "\(after)", "error.underlying": "\(String(reflecting: error))"])
        }
    }

    private func beat(into sink: AsyncStream<Item>.Continuation) async {
        while true {
            do {
                try await Task.sleep(for: heartbeat)
            } catch {
                return
            }
            if case .terminated = sink.yield(.heartbeat) { return }
        }
    }
}
