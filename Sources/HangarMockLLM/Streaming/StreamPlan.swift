/// The frames of one streamed reply, in order, already encoded as SSE text.
///
/// `opening` goes out with the headers; `body` interleaves structural frames with tokens (which are paced,
/// counted and where a scripted cut can fall); `closing` ends the stream (the finish and usage chunks and
/// `[DONE]`, or `message_delta` and `message_stop`) and is what a cut leaves out.
struct StreamPlan: Sendable {
    enum Step: Sendable, Equatable {
        case frame(String)
        case token(String)
    }

    var opening: [String] = []
    var body: [Step] = []
    var closing: [String] = []
}
