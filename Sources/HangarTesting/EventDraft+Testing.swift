import HangarCore
public import HangarStore

extension EventDraft {
    /// A small event for tests.
    public static func sample(
        _ index: Int, stream: String = "test", kind: String = "test.happened", key: String? = nil
    ) -> EventDraft {
        EventDraft(
            stream: stream, kind: kind, actor: "tester",
            payload: ["index": .int(Int64(index)), "text": .string("event \(index)")],
            idempotencyKey: key)
    }
}
