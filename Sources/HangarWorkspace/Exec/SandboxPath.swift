import HangarCore

/// A path inside a workspace, checked lexically: relative to the workspace root, or absolute under
/// `/workspace` (where the sandbox mounts it). `..` that climbs above the root is refused, not clamped, so an
/// agent learns that its path was wrong instead of silently touching another file.
struct SandboxPath: Sendable, Equatable {
    static let sandboxRoot = "/workspace"

    /// Components below the root; empty for the root itself.
    let components: [String]

    init(_ path: String) throws {
        var relative = Substring(path)
        if path.hasPrefix("/") {
            guard path == Self.sandboxRoot || path.hasPrefix(Self.sandboxRoot + "/") else {
                throw HangarError(.pathEscapesWorkspace, "absolute paths must be under \(Self.sandboxRoot)")
            }
            relative = path.dropFirst(Self.sandboxRoot.count)
        }
        guard !path.utf8.contains(0) else { throw HangarError(.invalidArguments, "a path contains a NUL byte") }
        var components: [String] = []
        for part in relative.split(separator: "/") where part != "." {
            if part == ".." {
                guard !components.isEmpty else {
                    throw HangarError(.pathEscapesWorkspace, "the path climbs out of the workspace")
                }
                components.removeLast()
            } else {
                components.append(String(part))
            }
        }
        self.components = components
    }

    /// `a/b/c`, empty for the root.
    var relative: String { components.joined(separator: "/") }

    /// `/workspace/a/b/c`.
    var inSandbox: String { components.isEmpty ? Self.sandboxRoot : Self.sandboxRoot + "/" + relative }
}
