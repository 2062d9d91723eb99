import Foundation
import HangarCore
import Subprocess

extension WorkspaceRuntime {
    /// Creates a vault. With `source`, the directory (a git checkout included, `.git` kept) is copied once
    /// into the vault's first read-only layer; forks never copy again.
    public func createVault(_ name: String, from source: String? = nil) async throws -> Vault {
        let name = try ResourceName(name, kind: "vault").rawValue
        let lock = try await FileLock.acquire(
            layout.vaultLock(name), .exclusive, timeout: configuration.lockTimeout,
            busy: HangarError(.vaultBusy, "vault '\(name)' is busy"))
        defer { _ = lock }
        if (try? await vault(name)) != nil { throw HangarError(.vaultExists, "a vault named '\(name)' exists") }
        let layer = newLayerID()
        let directory = layout.layer(layer)
        if let source {
            guard FileSystem.isDirectory(source) else {
                throw HangarError(.invalidArguments, "--from must name a directory that exists")
            }
            try await Self.copyTree(from: source, to: directory)
        } else {
            try FileSystem.makeDirectory(directory)
        }
        try FileSystem.sync(directory)
        let now = clock.nowMilliseconds()
        let vault = Vault(name: name, layers: [layer], createdAt: now, updatedAt: now, generation: 0)
        try await record(
            WorkspaceEventKind.vaultCreated, stream: "vault:\(name)", ["vault": try JSONValue(encoding: vault)])
        return vault
    }

    /// Deletes a vault. Workspaces forked from it keep working: their layers stay until they are discarded
    /// and collected.
    public func deleteVault(_ name: String) async throws -> Vault {
        let lock = try await FileLock.acquire(
            layout.vaultLock(try ResourceName(name, kind: "vault").rawValue), .exclusive,
            timeout: configuration.lockTimeout, busy: HangarError(.vaultBusy, "vault '\(name)' is busy"))
        defer { _ = lock }
        let vault = try await vault(name)
        try await record(
            WorkspaceEventKind.vaultDeleted, stream: "vault:\(name)", ["vault": try JSONValue(encoding: vault)])
        return vault
    }

    /// Copies a tree with `cp -a`, which keeps modes, owners, times, symlinks, hard links and extended
    /// attributes (what a checkout needs) and is what a hand-written walk would have to re-implement.
    static func copyTree(from source: String, to destination: String) async throws {
        try FileSystem.makeDirectory((destination as NSString).deletingLastPathComponent)
        let result = try await Subprocess.run(
            .name("cp"), arguments: ["-a", "--no-target-directory", source, destination],
            output: .discarded, error: .string(limit: 4096))
        guard result.terminationStatus.isSuccess else {
            try? FileSystem.removeTree(destination)
            throw HangarError(
                .workspaceIO, "the directory could not be imported",
                underlying: POSIXFailure(path: result.standardError, errno: 0))
        }
    }
}
