import Foundation
import HangarWorkspace
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A real overlay workspace in a temporary directory: read-only layers, an upper, a work dir and a mount
/// point, mounted with the options the runtime uses. Tests change files through ``merged`` and inspect the
/// layers. Call ``close()`` in a `defer`: it unmounts and removes everything.
final class DeltaOverlayFixture {
    let root: String
    /// The read-only layers, top first.
    private(set) var lowers: [String]
    private(set) var upper: String
    let merged: String
    private var work: String
    private var generation = 0
    private var isMounted = false
    private let isTmpfs: Bool

    /// Creates a base layer holding `files` (relative path → content) and mounts the overlay on it.
    ///
    /// - Parameter tmpfs: put the whole fixture on a fresh tmpfs (fast to fill and to delete, for big trees).
    init(files: [String: String] = [:], tmpfs: Bool = false) throws {
        var template = Array("/tmp/hangar-delta-XXXXXX".utf8CString)
        guard let created = mkdtemp(&template) else { throw FixtureError("mkdtemp failed") }
        root = String(cString: created)
        isTmpfs = tmpfs
        if tmpfs {
            guard Glibc.mount("tmpfs", root, "tmpfs", 0, "size=512m") == 0 else {
                throw FixtureError("mount tmpfs failed: errno \(errno)")
            }
        }
        let base = root + "/base"
        lowers = [base]
        upper = root + "/upper0"
        work = root + "/work0"
        merged = root + "/merged"
        for directory in [base, upper, work, merged] {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        try Self.write(files, into: base)
        try mount()
    }

    /// Writes `files` (relative path → content) under `directory`, creating parent directories.
    static func write(_ files: [String: String], into directory: String) throws {
        for (path, content) in files {
            let url = URL(fileURLWithPath: directory + "/" + path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(content.utf8).write(to: url)
        }
    }

    /// Mounts `lowers` + `upper` on `merged`.
    func mount() throws {
        let options =
            "lowerdir=\(lowers.joined(separator: ":")),upperdir=\(upper),workdir=\(work),"
            + "redirect_dir=off,index=off,metacopy=off"
        guard Glibc.mount("overlay", merged, "overlay", 0, options) == 0 else {
            throw FixtureError("mount overlay failed: errno \(errno)")
        }
        isMounted = true
    }

    /// Unmounts the overlay.
    func unmount() throws {
        guard isMounted else { return }
        guard umount2(merged, 0) == 0 else { throw FixtureError("umount failed: errno \(errno)") }
        isMounted = false
    }

    /// Checkpoints: unmounts, freezes the upper into the top read-only layer, and mounts a fresh upper.
    func freeze() throws {
        try unmount()
        lowers.insert(upper, at: 0)
        generation += 1
        upper = root + "/upper\(generation)"
        work = root + "/work\(generation)"
        for directory in [upper, work] {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        try mount()
    }

    /// Runs `script` with `/bin/sh -e` in the merged directory and requires it to succeed.
    func sh(_ script: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-ec", script]
        process.currentDirectoryURL = URL(fileURLWithPath: merged)
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "script failed: \(script)", sourceLocation: sourceLocation)
    }

    /// Scans the upper alone.
    func scanUpper() throws -> LayerScan {
        try LayerScanner.scan(layers: [upper])
    }

    /// The delta of the upper against the read-only layers (the delta since the last checkpoint).
    func deltaSinceCheckpoint(includeDiff: Bool = false) throws -> WorkspaceDelta {
        try DeltaComputer.delta(
            before: .empty, after: scanUpper(), lowerLayers: lowers, includeDiff: includeDiff)
    }

    /// Requires the hash of the layer stack to equal the hash of the mounted overlay, and returns it.
    @discardableResult
    func expectHashesAgree(sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let mounted = try TreeHash.directory(merged)
        let layered = try TreeHash.layers([upper] + lowers)
        #expect(mounted == layered, "TreeHash.layers differs from the mounted overlay", sourceLocation: sourceLocation)
        return mounted
    }

    /// Unmounts (if mounted) and removes the fixture.
    func close() {
        try? unmount()
        if isTmpfs {
            umount2(root, 0)
        } else {
            try? FileManager.default.removeItem(atPath: root)
        }
        rmdir(root)
    }
}

/// A failure of the fixture itself (not of the code under test).
struct FixtureError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
