#if canImport(Glibc)
    import Glibc
#endif

/// `lgetxattr(2)`, which Swift's Glibc module does not export.
///
/// The function is looked up once with `dlsym` and called through a `@convention(c)` pointer, so the C calling
/// convention is honoured (unlike `@_silgen_name`), without adding a C target for one call.
enum ExtendedAttributes {
    private typealias Function =
        @convention(c) (
            UnsafePointer<CChar>?, UnsafePointer<CChar>?, UnsafeMutableRawPointer?, Int
        ) -> Int

    /// The resolved function; a C function pointer is immutable and callable from any thread.
    private struct Resolved: @unchecked Sendable {
        let function: Function?
    }

    private static let resolved: Resolved = {
        // RTLD_DEFAULT is the null handle on glibc: search the libraries the process already has loaded.
        guard let symbol = dlsym(nil, "lgetxattr") else { return Resolved(function: nil) }
        return Resolved(function: unsafeBitCast(symbol, to: Function.self))
    }()

    /// Reads the attribute `name` of `path` (not following a symbolic link) into `value` (`size` bytes).
    /// Returns the attribute's length, or -1 with `errno` set; `ENOTSUP` if the function is unavailable.
    static func get(_ path: String, _ name: String, _ value: UnsafeMutableRawPointer, _ size: Int) -> Int {
        guard let function = resolved.function else {
            errno = ENOTSUP
            return -1
        }
        return function(path, name, value, size)
    }

    private typealias SetFunction =
        @convention(c) (
            UnsafePointer<CChar>?, UnsafePointer<CChar>?, UnsafeRawPointer?, Int, Int32
        ) -> Int32

    private struct ResolvedSet: @unchecked Sendable {
        let function: SetFunction?
    }

    private static let resolvedSet: ResolvedSet = {
        guard let symbol = dlsym(nil, "lsetxattr") else { return ResolvedSet(function: nil) }
        return ResolvedSet(function: unsafeBitCast(symbol, to: SetFunction.self))
    }()

    /// Sets the attribute `name` of `path` (not following a symbolic link) to `value`. Returns 0, or -1 with
    /// `errno` set.
    static func set(_ path: String, _ name: String, _ value: String) -> Int32 {
        guard let function = resolvedSet.function else {
            errno = ENOTSUP
            return -1
        }
        return value.withCString { function(path, name, $0, strlen($0), 0) }
    }
}
