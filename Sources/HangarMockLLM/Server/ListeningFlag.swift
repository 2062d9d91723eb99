import Synchronization

/// Set once the server is bound, so a failure before then reads as "cannot listen" and one after as itself.
final class ListeningFlag: Sendable {
    private let value = Atomic<Bool>(false)

    func set() { value.store(true, ordering: .relaxed) }
    var isSet: Bool { value.load(ordering: .relaxed) }
}
