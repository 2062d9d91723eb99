import Foundation
import HangarCore

#if canImport(Glibc)
    import Glibc
#endif

/// Merges a run of frozen layers into one, with overlayfs' own semantics, so a deep stack of checkpoints stays
/// mountable (overlayfs takes its layer list in one page of mount options) without changing what a command sees.
///
/// Layers are applied oldest first: a whiteout removes what the merged layer holds at its path and stays a
/// whiteout (it must still hide the layers below the run); an opaque directory replaces its subtree; a directory
/// over a non-directory becomes opaque, as overlayfs makes it; files and links replace what was there. Regular
/// files are hard-linked, never copied: frozen layers are immutable (overlayfs copies a lower file up before
/// changing it), so the cost grows with the number of entries, not their size.
enum LayerSquash {
    static func merge(_ layers: [String], into target: String) throws {
        try FileSystem.makeDirectory(target)
        for layer in layers {
            let entries = try LayerScanner.entries(ofLayer: layer)
            for path in entries.keys.sorted() {
                guard let entry = entries[path] else { continue }
                try apply(entry, at: target + "/" + path)
            }
        }
    }

    private static func apply(_ entry: LayerEntry, at destination: String) throws {
        var existing = stat()
        let exists = lstat(destination, &existing) == 0
        let existingIsDirectory = exists && (existing.st_mode & S_IFMT) == S_IFDIR
        switch entry.kind {
        case .directory:
            if entry.opaque || (exists && !existingIsDirectory) {
                try FileSystem.removeTree(destination)
                try makeDirectory(destination, entry)
                try markOpaque(destination)
            } else if existingIsDirectory {
                chmod(destination, mode_t(entry.mode))
            } else {
                try makeDirectory(destination, entry)
            }
        case .whiteout:
            try FileSystem.removeTree(destination)
            guard mknod(destination, S_IFCHR, 0) == 0 else {
                throw FileSystem.failure("cannot create a whiteout", destination)
            }
        case .file, .symlink, .other:
            if exists { try FileSystem.removeTree(destination) }
            guard link(entry.sourcePath, destination) == 0 else {
                throw FileSystem.failure("cannot link a file into the squashed layer", destination)
            }
        }
    }

    private static func makeDirectory(_ path: String, _ entry: LayerEntry) throws {
        guard mkdir(path, mode_t(entry.mode)) == 0 else { throw FileSystem.failure("cannot create a directory", path) }
        chmod(path, mode_t(entry.mode))
    }

    private static func markOpaque(_ path: String) throws {
        guard ExtendedAttributes.set(path, "trusted.overlay.opaque", "y") == 0 else {
            throw FileSystem.failure("cannot mark a directory opaque", path)
        }
    }
}
