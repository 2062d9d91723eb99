/// What `workspace gc` reclaimed.
public struct CollectionReport: Sendable, Codable, Equatable {
    public var workspaces: [String]
    public var layers: Int
    public var workDirectories: Int
    public var scratch: Int

    enum CodingKeys: String, CodingKey {
        case workspaces, layers, scratch
        case workDirectories = "work_directories"
    }
}
