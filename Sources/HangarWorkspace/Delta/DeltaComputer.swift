/// Computes the exact filesystem delta of an overlay workspace from layer scans.
///
/// The three uses:
/// - since the last checkpoint: `before: .empty`, `after: scan([upper])`, `lowerLayers:` the read-only layers;
/// - since checkpoint C: `before: .empty`, `after: scan(layers above C + [upper])`, `lowerLayers:` C's layers;
/// - of one command: `before: scan([upper])` just before it, `after: scan([upper])` just after it.
///
/// The cost grows with the entries of the scans, plus the lower subtrees that a new whiteout or opaque
/// directory hides (so `rm -rf dir` lists the deleted files), never with the rest of the tree.
public enum DeltaComputer {
    /// The delta from the view `before`-over-`lowerLayers` to the view `after`-over-`lowerLayers`.
    ///
    /// Regular files count as modified when their size differs, or when their mtime differs and their content
    /// does too: a file copied up without a write keeps its mtime and is not listed, a file touched but
    /// rewritten with the same bytes is compared byte by byte against the read-only layer. When the old content
    /// no longer exists (a writable-layer file rewritten since `before` was taken), a different mtime counts as
    /// a change. Symbolic links compare their targets; directories and other entries only their type and
    /// permission bits.
    ///
    /// - Parameters:
    ///   - before: the scan of the layers above `lowerLayers` at the first moment.
    ///   - after: the scan of the layers above `lowerLayers` at the second moment.
    ///   - lowerLayers: the read-only layer directories, top first.
    ///   - includeDiff: whether to fill ``WorkspaceDelta/diff``.
    /// - Throws: `layer_unreadable` when a layer cannot be read, `diff_failed` when a diff cannot be produced.
    public static func delta(
        before: LayerScan, after: LayerScan, lowerLayers: [String], includeDiff: Bool = false
    ) throws -> WorkspaceDelta {
        try LowerLayerView.requireDirectories(lowerLayers)
        var lower = LowerLayerView(layers: lowerLayers)
        let candidates = try candidatePaths(before: before, after: after, lower: &lower)
        var delta = WorkspaceDelta()
        var diffs: [(path: String, old: PathState?, new: PathState?)] = []
        for path in candidates.sorted(by: WorkspacePath.precedes) {
            let old = try PathState.resolve(path, in: before, lower: &lower)
            let new = try PathState.resolve(path, in: after, lower: &lower)
            let contentChanged: Bool
            switch (old, new) {
            case (nil, nil):
                continue
            case (nil, _?):
                delta.added.append(path)
                contentChanged = true
            case (_?, nil):
                delta.deleted.append(path)
                contentChanged = true
            case (let old?, let new?):
                contentChanged = try isModified(old, new, path: path)
                if contentChanged { delta.modified.append(path) }
                if old.entry.kind == new.entry.kind && old.entry.mode != new.entry.mode {
                    delta.modeChanged.append(path)
                }
            }
            guard contentChanged else { continue }
            if let new, new.entry.kind == .file { delta.bytesWritten += new.entry.size }
            if includeDiff { diffs.append((path, old, new)) }
        }
        if includeDiff {
            delta.diff = try diffs.map { try textDiff(path: $0.path, old: $0.old, new: $0.new) }.joined()
        }
        return delta
    }

    /// Every path of either scan, plus the lower descendants of each path that one scan hides and the other
    /// does not (a new whiteout, opaque directory or non-directory over a lower directory).
    private static func candidatePaths(
        before: LayerScan, after: LayerScan, lower: inout LowerLayerView
    ) throws -> Set<String> {
        var candidates = Set(before.entries.keys).union(after.entries.keys)
        for (scan, other) in [(after, before), (before, after)] {
            for (path, entry) in scan.entries where entry.hidesLower && !other.hidesLower(path) {
                candidates.formUnion(try lower.descendants(of: path))
            }
        }
        return candidates
    }

    /// Whether `new` differs from `old` in type or content (not permission bits).
    private static func isModified(_ old: PathState, _ new: PathState, path: String) throws -> Bool {
        guard old.entry.kind == new.entry.kind else { return true }
        switch new.entry.kind {
        case .file:
            if old.entry.size != new.entry.size { return true }
            if old.entry.mtime == new.entry.mtime { return false }
            // Same size, new mtime: a real change only if the bytes differ. When the old bytes are gone (the
            // same writable-layer file written in place, or another file renamed over it), the new mtime is all
            // there is to go by.
            if !old.isLower && old.entry.isSameInode(as: new.entry) { return true }
            guard old.isContentIntact else { return true }
            return try !FileContent.equal(old.entry.sourcePath, new.entry.sourcePath, relativePath: path)
        case .symlink:
            return old.entry.symlinkTarget != new.entry.symlinkTarget
        case .directory, .whiteout, .other:
            return false
        }
    }
}
