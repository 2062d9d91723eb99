import Foundation
import HangarCore

#if canImport(Glibc)
    import Glibc
#endif

/// Mounts a workspace's overlay in the host's mount namespace: for `workspace mount` (interactive use) and for
/// the short-lived mounts `write_file` goes through. Commands never use this: the sandbox mounts inside its
/// own namespace, so nothing of theirs reaches the host mount table.
enum OverlayMount {
    /// The overlayfs options Hangar always uses: no redirects, index or metacopy, so an upper layer is a plain
    /// tree of whole files, whiteouts and opaque directories, and a delta walk is exact.
    static func options(lower: [String], upper: String, work: String) -> String {
        let escaped = lower.map(escape).joined(separator: ":")
        return "lowerdir=\(escaped),upperdir=\(escape(upper)),workdir=\(escape(work)),"
            + "redirect_dir=off,index=off,metacopy=off"
    }

    static func mount(lower: [String], upper: String, work: String, at target: String) throws {
        try FileSystem.makeDirectory(target)
        let data = options(lower: lower, upper: upper, work: work)
        guard Glibc.mount("overlay", target, "overlay", 0, data) == 0 else {
            let code = errno
            let unsupported = code == ENODEV || code == EPERM
            throw HangarError(
                unsupported ? .workspaceUnsupported : .workspaceIO,
                unsupported ? "overlayfs cannot be mounted here" : "the workspace could not be mounted",
                underlying: POSIXFailure(path: target, errno: code))
        }
    }

    static func unmount(_ target: String) throws {
        guard umount2(target, 0) == 0 else {
            let code = errno
            if code == EINVAL { return }  // not mounted
            throw HangarError(
                code == EBUSY ? .workspaceBusy : .workspaceIO,
                code == EBUSY ? "the mount is in use" : "the workspace could not be unmounted",
                underlying: POSIXFailure(path: target, errno: code))
        }
    }

    /// Whether `path` is a mount point (its device differs from its parent's).
    static func isMountPoint(_ path: String) -> Bool {
        var own = stat()
        var parent = stat()
        guard stat(path, &own) == 0, stat(path + "/..", &parent) == 0 else { return false }
        return own.st_dev != parent.st_dev
    }

    /// overlayfs separates options with `,` and lower layers with `:`; a backslash escapes them.
    private static func escape(_ path: String) -> String {
        path.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ",", with: "\\,")
            .replacingOccurrences(of: ":", with: "\\:")
    }
}
