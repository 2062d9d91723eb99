import HangarCore
import Hummingbird
import NIOCore

/// Writes a ``StreamPlan`` to the client as it goes: every frame is its own write (so each token reaches the
/// socket when it is produced, never buffered into a whole response), tokens are paced as the rule says, and a
/// scripted cut closes the connection without the closing frames.
///
/// The stream stops as soon as the connection's ``ConnectionWatch`` reports that the client closed its side
/// (or that the server is shutting down), during a pause or before a write; a write that fails, which is how
/// Hummingbird's writer reports a connection already reset, stops it too. Either way the request is recorded
/// as `client_closed` at that moment.
struct StreamWriter: Sendable {
    let plan: StreamPlan
    let rule: MockRule
    let watch: ConnectionWatch
    let recorder: MockRecorder
    let seq: Int

    func makeBody() -> ResponseBody {
        ResponseBody { writer in
            var sent = 0
            do {
                try await write(&writer, sent: &sent)
                try await writer.finish(nil)
                await recorder.finish(seq: seq, outcome: .completed, tokensSent: sent)
            } catch let error as HangarError where error.code == .mockStreamCut {
                await recorder.finish(seq: seq, outcome: .cut, tokensSent: sent)
                // Thrown on purpose: Hummingbird closes a connection whose response body throws.
                throw error
            } catch {
                let outcome: MockRequestRecord.Outcome = watch.reason == .serverStopping ? .cut : .clientClosed
                await recorder.finish(seq: seq, outcome: outcome, tokensSent: sent)
                throw error
            }
        }
    }

    private func write(_ writer: inout any ResponseBodyWriter, sent: inout Int) async throws {
        for frame in plan.opening { try await send(frame, to: &writer) }
        let cut = rule.cutAfterTokens
        if cut == 0 { throw Self.cutError }
        let interval: Duration = rule.tokensPerSecond > 0 ? .seconds(1 / rule.tokensPerSecond) : .zero
        for step in plan.body {
            switch step {
            case .frame(let frame):
                try await send(frame, to: &writer)
            case .token(let frame):
                try await watch.pause(for: sent == 0 ? rule.firstTokenDelay : interval)
                try await send(frame, to: &writer)
                sent += 1
                await recorder.progress(seq: seq, tokensSent: sent)
                if sent == cut { throw Self.cutError }
            }
        }
        if cut != nil { throw Self.cutError }
        for frame in plan.closing { try await send(frame, to: &writer) }
    }

    private func send(_ frame: String, to writer: inout any ResponseBodyWriter) async throws {
        if let reason = watch.reason { throw reason.error }
        try await writer.write(ByteBuffer(string: frame))
    }

    private static let cutError = HangarError(.mockStreamCut, "the script cut the stream")
}
