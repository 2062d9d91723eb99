/// Path arithmetic on strings only: it never touches the disk, so symbolic links are not followed.
public enum LexicalPath {
    /// `path` made absolute against `base` and normalized: empty and `.` segments are dropped, `..` removes
    /// the segment before it, and `..` above the root stays at the root (`/a/../../b` is `/b`).
    ///
    /// A `path` that starts with `/` ignores `base`. A relative `base` is taken from the root.
    public static func resolve(_ path: String, against base: String = "/") -> String {
        var segments: [Substring] = []
        if !path.hasPrefix("/") {
            append(base, to: &segments)
        }
        append(path, to: &segments)
        return "/" + segments.joined(separator: "/")
    }

    /// The segments of an absolute, normalized path: `/` has none, `/a/b` has `a` and `b`.
    static func segments(of normalizedPath: String) -> [Substring] {
        normalizedPath.split(separator: "/", omittingEmptySubsequences: true)
    }

    private static func append(_ path: String, to segments: inout [Substring]) {
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch segment {
            case ".": continue
            case "..": _ = segments.popLast()
            default: segments.append(segment)
            }
        }
    }
}
