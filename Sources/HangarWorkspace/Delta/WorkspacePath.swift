/// Helpers for workspace-relative paths: `"src/a.c"`, no leading or trailing `/`; the root is `""`.
enum WorkspacePath {
    /// The parent of `path`; `""` for a top-level entry.
    static func parent(_ path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return String(path[..<slash])
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
        lhs.utf8.lexicographicallyPrecedes(rhs.utf8)
    }
}
