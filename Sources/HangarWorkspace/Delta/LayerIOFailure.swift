/// An `errno` with the host path and the operation it happened on. Kept as the underlying error of a
/// ``HangarError`` for logs only; clients see the message, which carries no host path.
struct LayerIOFailure: Error, CustomStringConvertible {
    var operation: String
    var path: String
    var errno: Int32

    var description: String { "\(operation) \(path): errno \(errno)" }
}
