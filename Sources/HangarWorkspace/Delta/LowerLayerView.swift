import HangarCore

#if canImport(Glibc)
    import Glibc
#endif

/// The merged view of the read-only layers below a scan, resolved path by path as overlayfs does, without
/// mounting and without walking the tree: a lookup costs one `lstat` per layer per path component, and each
/// resolved directory is cached for the lifetime of the view (one delta computation).
struct LowerLayerView {
    /// What the layers show at one path.
    struct Resolved {
        /// The top-most visible entry, `nil` when the path does not exist in the merged view.
        var entry: LayerEntry?
        /// The layers (indices, top first) whose directory at this path contributes children; empty unless the
        /// path is a directory.
        var childLayers: [Int]
    }

    let layers: [String]
    private var cache: [String: Resolved]

    /// - Parameter layers: read-only layer directories, top first.
    init(layers: [String]) {
        self.layers = layers
        // The root is a directory of every layer.
        cache = ["": Resolved(entry: nil, childLayers: Array(layers.indices))]
    }

    /// Requires every layer to be a directory: lookups treat a missing path as absent, so a missing layer would
    /// otherwise read as an empty one and turn a delta into "everything added".
    static func requireDirectories(_ layers: [String]) throws {
        for (index, layer) in layers.enumerated() {
            let entry = try LayerFiles.entry(hostPath: layer, relativePath: "", overlayMarkers: false)
            guard entry?.kind == .directory else {
                throw HangarError(
                    .layerUnreadable, "workspace layer \(index + 1) of \(layers.count) is missing or not a directory",
                    underlying: LayerIOFailure(operation: "lstat", path: layer, errno: ENOTDIR))
            }
        }
    }

    /// The visible entry at `path`, or `nil`.
    mutating func entry(_ path: String) throws -> LayerEntry? {
        try resolve(path).entry
    }

    /// Resolves `path`, honouring whiteouts, opaque directories and non-directories in every layer.
    mutating func resolve(_ path: String) throws -> Resolved {
        if let cached = cache[path] { return cached }
        let parent = try resolve(WorkspacePath.parent(path))
        var resolved = Resolved(entry: nil, childLayers: [])
        for index in parent.childLayers {
            let hostPath = WorkspacePath.host(layers[index], path)
            guard let entry = try LayerFiles.entry(hostPath: hostPath, relativePath: path) else { continue }
            // A whiteout ends the lookup: absent if nothing was found above, else it only hides lower layers.
            if entry.kind == .whiteout { break }
            if entry.kind != .directory {
                // A non-directory is visible only when it is the top-most hit; below a directory it is ignored.
                if resolved.entry == nil { resolved.entry = entry }
                break
            }
            if resolved.entry == nil { resolved.entry = entry }
            resolved.childLayers.append(index)
            if entry.opaque { break }
        }
        cache[path] = resolved
        return resolved
    }

    /// Every visible path strictly below `path` when it is a directory; empty otherwise. The cost grows with
    /// the size of that subtree only.
    mutating func descendants(of path: String) throws -> [String] {
        guard try resolve(path).entry?.kind == .directory else { return [] }
        var result: [String] = []
        var pending = [path]
        while let directory = pending.popLast() {
            var seen: Set<String> = []
            for index in try resolve(directory).childLayers {
                let hostPath = WorkspacePath.host(layers[index], directory)
                for name in try LayerFiles.names(hostPath: hostPath, relativePath: directory)
                where seen.insert(name).inserted {
                    let child = WorkspacePath.join(directory, name)
                    guard let entry = try resolve(child).entry else { continue }
                    result.append(child)
                    if entry.kind == .directory { pending.append(child) }
                }
            }
        }
        return result
    }
}
