import Glibc

/// A failed system call, kept as the `underlying` error of a `HangarError` for logs; never shown to clients
/// (it names host paths).
struct SystemCallError: Error, CustomStringConvertible {
    var operation: String
    var path: String
    var errno: Int32

    init(_ operation: String, _ path: String, errno: Int32 = Glibc.errno) {
        self.operation = operation
        self.path = path
        self.errno = errno
    }

    var description: String { "\(operation) \(path): \(String(cString: strerror(errno)))" }
}
