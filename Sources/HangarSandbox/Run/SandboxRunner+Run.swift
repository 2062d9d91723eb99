import Glibc
import HangarCore
import Logging
import Subprocess

extension SandboxRunner {
    /// Runs `spec.argv` in a fresh sandbox and returns how it ended with its capped output.
    ///
    /// Throws `invalid_arguments`, `limit_too_low` or `network_mode_unavailable` before anything runs;
    /// `command_not_found` when the executable does not exist inside; `sandbox_failed` when the sandbox could
    /// not be set up. A command that fails, times out or is killed is a result, not an error.
    public func run(_ spec: SandboxSpec) async throws -> SandboxResult {
        try spec.validate(cores: Self.cores)
        try SystemFile.makeDirectory(runDirectory, existingIsFine: true)
        let id = ExecID.make()
        var logger = logger
        logger[metadataKey: "sandbox.exec_id"] = "\(id)"
        let scratch = try ExecScratch.create(in: runDirectory, id: id, environment: spec.effectiveEnvironment)
        defer { scratch.remove() }
        let cgroup = try SandboxCgroup.create(root: cgroupRoot, id: id, limits: spec.limits)
        let outcome: HelperRun.Outcome
        do {
            let arguments = HelperArguments.make(
                spec: spec, scratch: scratch, cgroup: cgroup, hiddenPaths: spec.hiddenPaths + [runDirectory])
            logger.debug("starting a sandboxed command", metadata: ["sandbox.argv0": "\(spec.argv[0])"])
            outcome = try await HelperRun(
                executable: helperExecutable, arguments: arguments, cgroup: cgroup, timeout: spec.limits.timeout,
                outputLimit: spec.outputLimitBytes
            ).run()
        } catch {
            _ = await cgroup.remove()
            if error is CancellationError { throw error }
            throw (error as? HangarError)
                ?? HangarError(.sandboxFailed, "the sandbox could not be started", underlying: error)
        }
        let usage = cgroup.usage()
        let leftovers = await cgroup.remove()
        if !leftovers.isEmpty {
            logger.warning("sandbox cgroups could not be removed", metadata: ["sandbox.cgroups": "\(leftovers)"])
        }
        let status = SystemFile.read(scratch.statusFile).flatMap(HelperStatus.init(line:))
        logger.debug(
            "sandboxed command ended",
            metadata: [
                "sandbox.status": "\(status.map { "\($0)" } ?? "none")", "sandbox.timed_out": "\(outcome.timedOut)",
            ])
        // A cancelled run was killed (see HelperRun); its status says so, but the caller asked for no result.
        try Task.checkCancellation()
        return try Self.result(spec: spec, outcome: outcome, status: status, usage: usage)
    }

    /// Interprets the helper's status line together with the cgroup counters.
    static func result(
        spec: SandboxSpec, outcome: HelperRun.Outcome, status: HelperStatus?, usage: SandboxCgroup.Usage
    ) throws -> SandboxResult {
        var exitCode: Int32?
        var signal: Int32?
        switch status {
        case .exited(let code): exitCode = code
        case .signaled(let number): signal = number
        case _ where outcome.timedOut: signal = SIGKILL
        case .execError(let error) where error == ENOENT || error == ENOTDIR:
            throw HangarError(.commandNotFound, "command not found: \(spec.argv[0])")
        case .execError(let error):
            throw HangarError(.sandboxFailed, "the command could not be executed: \(String(cString: strerror(error)))")
        case .chdirError:
            throw HangarError(.invalidArguments, "the working directory does not exist inside the sandbox")
        case .setupError(let stage, let message):
            throw HangarError(.sandboxFailed, "the sandbox could not be set up (\(stage): \(message))")
        case .lifelineLost, nil:
            throw HangarError(
                .sandboxFailed, "the sandbox ended without a result",
                underlying: HelperFailure(status: outcome.terminationStatus, stderr: outcome.stderr.text))
        }
        let milliseconds =
            outcome.duration.components.seconds * 1000
            + outcome.duration.components.attoseconds / 1_000_000_000_000_000
        return SandboxResult(
            exitCode: exitCode, signal: signal, timedOut: outcome.timedOut, oomKilled: usage.oomKills > 0,
            pidsLimitHit: usage.pidsLimitHits > 0, durationMs: milliseconds, stdout: outcome.stdout.text,
            stderr: outcome.stderr.text, stdoutTruncated: outcome.stdout.truncated,
            stderrTruncated: outcome.stderr.truncated)
    }
}

/// Why the helper ended without a status line, for logs.
struct HelperFailure: Error, CustomStringConvertible {
    var status: TerminationStatus
    var stderr: String

    var description: String { "helper \(status): \(stderr.suffix(500))" }
}
