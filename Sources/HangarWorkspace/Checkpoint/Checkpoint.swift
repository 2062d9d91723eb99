/// A checkpoint: a frozen state of a workspace, the layers it consisted of at that moment.
public struct Checkpoint: Sendable, Codable, Equatable {
    public var workspace: String
    public var name: String
    /// Every layer of the workspace at the checkpoint, bottom first; the last one is the frozen upper.
    public var layers: [String]
    public var createdAt: Int64

    enum CodingKeys: String, CodingKey {
        case workspace, name, layers
        case createdAt = "created_at"
    }
}
