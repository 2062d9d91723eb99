public import Foundation
import HangarCore

#if canImport(Glibc)
    import Glibc
#endif

extension WorkspaceRuntime {
    /// Reads a file through the workspace's layers (no mount): symbolic links inside the workspace are
    /// followed, one that points out of it is refused with `path_escapes_workspace`.
    public func readFile(_ name: String, path: String, maxBytes: Int = 1 << 20) async throws -> FileRead {
        let workspace = try await activeWorkspace(name)
        var view = try mergedView(workspace)
        let (resolved, entry) = try resolve(SandboxPath(path), in: &view)
        guard let entry, entry.kind == .file else {
            throw HangarError(.fileNotFound, "no file at '\(resolved.relative)' in workspace '\(name)'")
        }
        guard let handle = FileHandle(forReadingAtPath: entry.sourcePath) else {
            throw HangarError(.workspaceIO, "the file could not be opened")
        }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: max(0, maxBytes))) ?? Data()
        let text = String(data: data, encoding: .utf8)
        return FileRead(
            path: resolved.relative, size: entry.size, mode: entry.mode, content: text,
            contentBase64: text == nil ? data.base64EncodedString() : nil, truncated: Int64(data.count) < entry.size)
    }

    /// Lists a directory of the workspace through its layers.
    public func listFiles(_ name: String, path: String = ".") async throws -> [FileListing] {
        let workspace = try await activeWorkspace(name)
        var view = try mergedView(workspace)
        let (resolved, entry) = try resolve(SandboxPath(path), in: &view)
        guard entry?.kind == .directory || resolved.components.isEmpty else {
            throw HangarError(.fileNotFound, "no directory at '\(resolved.relative)' in workspace '\(name)'")
        }
        var names: Set<String> = []
        for index in try view.resolve(resolved.relative).childLayers {
            let host = resolved.components.isEmpty ? view.layers[index] : view.layers[index] + "/" + resolved.relative
            names.formUnion(FileSystem.entries(host))
        }
        var listing: [FileListing] = []
        for child in names.sorted() {
            let childPath = resolved.components.isEmpty ? child : resolved.relative + "/" + child
            guard let entry = try view.entry(childPath) else { continue }
            listing.append(FileListing(name: child, kind: entry.kind.rawValue, size: entry.size, mode: entry.mode))
        }
        return listing
    }

    /// Writes a file in the workspace through a short-lived overlay mount, so copy-up, whiteouts and opaque
    /// directories are exactly what a command writing the file would have made.
    public func writeFile(_ name: String, path: String, data: Data, mode: UInt32? = nil) async throws -> FileListing {
        let lock = try await lockWorkspace(name)
        defer { _ = lock }
        let workspace = try await activeWorkspace(name)
        try refuseIfMounted(workspace)
        let target = try SandboxPath(path)
        guard !target.components.isEmpty else { throw HangarError(.invalidArguments, "give a file path") }
        let listing = try withScratchMount(workspace) { root in
            try Self.write(data, to: target, under: root, mode: mode)
        }
        try await record(
            WorkspaceEventKind.fileWritten, stream: Self.stream(name),
            ["workspace": .string(name), "path": .string(target.relative), "bytes": .int(Int64(data.count))])
        return listing
    }

    private static func write(_ data: Data, to target: SandboxPath, under root: String, mode: UInt32?) throws
        -> FileListing
    {
        let parent = root + "/" + target.components.dropLast().joined(separator: "/")
        try FileSystem.makeDirectory(parent)
        // Symbolic links on the way may point anywhere on the host: the real parent must still be inside.
        let realParent = URL(fileURLWithPath: parent).resolvingSymlinksInPath().path
        let realRoot = URL(fileURLWithPath: root).resolvingSymlinksInPath().path
        guard realParent == realRoot || realParent.hasPrefix(realRoot + "/") else {
            throw HangarError(.pathEscapesWorkspace, "a symbolic link in the path points out of the workspace")
        }
        let file = realParent + "/" + (target.components.last ?? "")
        let descriptor = open(file, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, mode_t(mode ?? 0o644))
        guard descriptor >= 0 else {
            throw errno == ELOOP
                ? HangarError(.pathEscapesWorkspace, "the path is a symbolic link; write to its target instead")
                : FileSystem.failure("the file could not be written", file)
        }
        defer { close(descriptor) }
        let written = data.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
        guard written == data.count else { throw FileSystem.failure("the file could not be written", file) }
        if let mode { fchmod(descriptor, mode_t(mode)) }
        return FileListing(
            name: target.components.last ?? "", kind: "file", size: Int64(data.count), mode: mode ?? 0o644)
    }

    /// The merged view of every layer of the workspace, upper first.
    func mergedView(_ workspace: Workspace) throws -> LowerLayerView {
        try ensureUpper(workspace)
        return LowerLayerView(layers: [layout.layer(workspace.upper)] + lowerDirectories(workspace.layers))
    }

    /// Follows symbolic links inside the workspace, refusing any that leave it (absolute targets outside
    /// `/workspace`, or `..` above the root). At most 40 links, as the kernel allows.
    func resolve(_ path: SandboxPath, in view: inout LowerLayerView) throws -> (SandboxPath, LayerEntry?) {
        var pending = path.components
        var done: [String] = []
        var hops = 0
        while !pending.isEmpty {
            let component = pending.removeFirst()
            let candidate = (done + [component]).joined(separator: "/")
            guard let entry = try view.entry(candidate) else {
                return (try SandboxPath((done + [component] + pending).joined(separator: "/")), nil)
            }
            guard entry.kind == .symlink, let target = entry.symlinkTarget else {
                done.append(component)
                continue
            }
            hops += 1
            guard hops <= 40 else { throw HangarError(.invalidArguments, "too many symbolic links in the path") }
            let base =
                target.hasPrefix("/")
                ? target : SandboxPath.sandboxRoot + "/" + (done + [target]).joined(separator: "/")
            let next = try SandboxPath(base)
            pending = next.components + pending
            done = []
        }
        let resolved = try SandboxPath(done.joined(separator: "/"))
        return (resolved, done.isEmpty ? nil : try view.entry(resolved.relative))
    }
}
