#if canImport(Glibc)
    import Glibc
#endif

/// Helpers for workspace-relative paths: `"src/a.c"`, no leading or trailing `/`; the root is `""`.
enum WorkspacePath {
    /// The parent of `path`; `""` for a top-level entry.
    static func parent(_ path: String) -> String {
        var path = path
        return path.withUTF8 { bytes in
            var index = bytes.count
            while index > 0 {
                index -= 1
                if bytes[index] == UInt8(ascii: "/") {
                    return String(decoding: UnsafeBufferPointer(rebasing: bytes[..<index]), as: UTF8.self)
                }
            }
            return ""
        }
    }

    /// The proper ancestors of `path`, nearest first, without the root: `"a/b/c"` gives `["a/b", "a"]`.
    static func ancestors(_ path: String) -> [String] {
        var result: [String] = []
        var current = parent(path)
        while !current.isEmpty {
            result.append(current)
            current = parent(current)
        }
        return result
    }

    /// `child` inside the directory `directory` (which may be the root `""`).
    static func join(_ directory: String, _ child: String) -> String {
        directory.isEmpty ? child : directory + "/" + child
    }

    /// The host path of the workspace path `path` inside the layer directory `layer`.
    static func host(_ layer: String, _ path: String) -> String {
        path.isEmpty ? layer : layer + "/" + path
    }

    /// Orders paths by their UTF-8 bytes (what `LC_ALL=C sort` does), so the order never depends on Unicode
    /// normalisation or the locale.
    static func precedes(_ lhs: String, _ rhs: String) -> Bool {
        // memcmp over the contiguous UTF-8 storage: a generic `utf8.lexicographicallyPrecedes` is several times
        // slower in debug builds, and sorting is a good part of a delta's cost.
        var lhs = lhs
        var rhs = rhs
        return lhs.withUTF8 { left in
            rhs.withUTF8 { right in
                let common = min(left.count, right.count)
                let order = common == 0 ? 0 : memcmp(left.baseAddress!, right.baseAddress!, common)
                return order != 0 ? order < 0 : left.count < right.count
            }
        }
    }
}
