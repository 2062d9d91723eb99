extension DeltaComputer {
    /// The unified diff of one changed path, or `""` when it has none: only regular text files get one (under
    /// 1 MiB, no NUL byte in the first 8 KiB, on both sides), and only when the old content still exists.
    static func textDiff(path: String, old: PathState?, new: PathState?) throws -> String {
        if let old, old.entry.kind != .file || !old.isContentIntact { return "" }
        if let new, new.entry.kind != .file { return "" }
        for state in [old, new].compactMap(\.self) {
            guard try FileContent.isText(state.entry.sourcePath, size: state.entry.size, relativePath: path) else {
                return ""
            }
        }
        return try UnifiedDiff.diff(old: old?.entry.sourcePath, new: new?.entry.sourcePath, path: path)
    }
}
