/// A file read from a workspace: UTF-8 text in `content`, anything else base64 in `content_base64`.
public struct FileRead: Sendable, Codable, Equatable {
    public var path: String
    public var size: Int64
    public var mode: UInt32
    public var content: String?
    public var contentBase64: String?
    public var truncated: Bool

    enum CodingKeys: String, CodingKey {
        case path, size, mode, content, truncated
        case contentBase64 = "content_base64"
    }
}

/// One entry of a workspace directory listing.
public struct FileListing: Sendable, Codable, Equatable {
    public var name: String
    public var kind: String
    public var size: Int64
    public var mode: UInt32
}
