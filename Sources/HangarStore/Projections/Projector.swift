/// Derives current state from events. `writes(for:)` must be a pure function of the event: the store calls it
/// when the event is appended (in the same transaction) and again, over the whole log, in
/// `rebuildProjections()`, and both must give the same rows. Events therefore carry the state after the
/// change, not a delta.
public protocol Projector: Sendable {
    var tables: [ProjectionTable] { get }
    /// The event kinds this projector reads start with one of these; the rebuild skips decoding the rest.
    var kindPrefixes: [String] { get }
    func writes(for event: Event) -> [ProjectionWrite]
}

/// The projectors a store maintains: the built-in lease and budget projectors plus any a layer adds.
public struct ProjectionSet: Sendable {
    public let projectors: [any Projector]

    public init(adding extra: [any Projector] = []) {
        projectors = [LeaseProjector(), BudgetProjector()] + extra
    }

    public var tables: [ProjectionTable] { projectors.flatMap(\.tables) }

    public func handles(kind: String) -> Bool {
        projectors.contains { $0.kindPrefixes.contains(where: kind.hasPrefix) }
    }

    public func writes(for event: Event) -> [ProjectionWrite] {
        guard handles(kind: event.kind) else { return [] }
        return projectors.flatMap { $0.writes(for: event) }
    }
}
