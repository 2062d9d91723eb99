/// A workspace: a writable upper layer over read-only layers, forked from a vault or a checkpoint.
public struct Workspace: Sendable, Codable, Equatable {
    public enum State: String, Sendable, Codable {
        case active
        case discarded
    }

    public var name: String
    public var vault: String
    /// The read-only layers under the upper, bottom first.
    public var layers: [String]
    /// The vault's layers when this workspace was forked; promote refuses if the vault moved since.
    public var base: [String]
    /// The layer id of the writable upper.
    public var upper: String
    public var state: State
    /// How the copy-on-write view is made: `overlay`.
    public var mechanism: String
    /// Where the workspace is mounted on the host (`workspace mount`), if it is.
    public var mountPoint: String?
    public var createdAt: Int64
    public var updatedAt: Int64

    enum CodingKeys: String, CodingKey {
        case name, vault, layers, base, upper, state, mechanism
        case mountPoint = "mount_point"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }
}
