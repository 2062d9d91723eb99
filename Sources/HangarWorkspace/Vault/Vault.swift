/// A vault: a named stack of read-only layers. Forks start from its head.
public struct Vault: Sendable, Codable, Equatable {
    public var name: String
    /// Layer ids, bottom first (the import is first, each promote adds on top).
    public var layers: [String]
    public var createdAt: Int64
    public var updatedAt: Int64
    /// How many times a workspace was promoted into it.
    public var generation: Int64

    enum CodingKeys: String, CodingKey {
        case name, layers, generation
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }
}
