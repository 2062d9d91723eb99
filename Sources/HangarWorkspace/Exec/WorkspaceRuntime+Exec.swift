import Foundation
import HangarCore
import HangarSandbox
import HangarStore

extension WorkspaceRuntime {
    /// Runs one command in the workspace: the policy decides, the sandbox enforces, and the result carries the
    /// exact delta. A denied command and one that waits for approval do not run and say so in `decision`.
    public func exec(_ workspaceName: String, _ request: ExecRequest) async throws -> ExecResult {
        guard !request.argv.isEmpty, !request.argv[0].isEmpty else {
            throw HangarError(.invalidArguments, "give the command to run after --")
        }
        let lock = try await lockWorkspace(workspaceName)
        defer { _ = lock }
        var workspace = try await activeWorkspace(workspaceName)
        try refuseIfMounted(workspace)
        let directory = try SandboxPath(request.workingDirectory ?? ".")
        let fingerprint = CommandFingerprint(
            workspaceID: workspace.name, argv: request.argv, workingDirectory: directory.inSandbox,
            environment: request.environment, network: request.network)
        var decision = configuration.policy.decide(
            PolicyRequest(
                argv: request.argv, workingDirectory: directory.inSandbox, workspaceRoot: SandboxPath.sandboxRoot,
                network: request.network))
        if let token = request.approvalToken {
            try await consumeApproval(token, fingerprint: fingerprint.hex, workspace: workspace.name)
            if decision.action == .requireApproval {
                decision = PolicyDecision(action: .allow, rule: decision.rule, reason: "approved: \(decision.reason)")
            }
        }
        switch decision.action {
        case .deny:
            try await recordExec(workspace, request, decision: decision, result: nil)
            return .notRun(workspace: workspace.name, decision: decision)
        case .requireApproval:
            let ticket = try await requestApproval(
                workspace: workspace.name, argv: request.argv, fingerprint: fingerprint.hex, decision: decision)
            try await recordExec(workspace, request, decision: decision, result: nil)
            return .notRun(workspace: workspace.name, decision: decision, approval: ticket)
        case .allow, .allowWithCheckpoint:
            break
        }
        var checkpointName: String?
        if decision.action == .allowWithCheckpoint {
            let (frozen, checkpoint) = try await freeze(workspace, name: nil)
            try await record(
                WorkspaceEventKind.checkpointed, stream: Self.stream(workspace.name),
                ["workspace": try JSONValue(encoding: frozen), "checkpoint": try JSONValue(encoding: checkpoint)])
            workspace = frozen
            checkpointName = checkpoint.name
        }
        try ensureUpper(workspace)
        let upper = layout.layer(workspace.upper)
        let before = try LayerScanner.scan(layers: [upper])
        let outcome: SandboxResult
        do {
            outcome = try await sandbox.run(sandboxSpec(workspace, request, directory: directory))
        } catch {
            // A command that could not start is still an exec of the log, with the code it failed with.
            try? await recordExec(
                workspace, request, decision: decision, result: nil, error: HangarError.wrapping(error))
            throw error
        }
        let after = try LayerScanner.scan(layers: [upper])
        let delta = try DeltaComputer.delta(
            before: before, after: after, lowerLayers: lowerDirectories(workspace.layers))
        let result = ExecResult(
            workspace: workspace.name, decision: decision, ran: true, exitCode: outcome.exitCode,
            signal: outcome.signal, timedOut: outcome.timedOut, oomKilled: outcome.oomKilled,
            pidsLimitHit: outcome.pidsLimitHit, durationMs: outcome.durationMs, stdout: outcome.stdout,
            stderr: outcome.stderr, stdoutTruncated: outcome.stdoutTruncated, stderrTruncated: outcome.stderrTruncated,
            checkpoint: checkpointName, delta: delta, mechanism: workspace.mechanism, approval: nil)
        try await recordExec(workspace, request, decision: decision, result: result)
        return result
    }

    private func sandboxSpec(_ workspace: Workspace, _ request: ExecRequest, directory: SandboxPath) -> SandboxSpec {
        var spec = SandboxSpec(argv: request.argv)
        spec.environment = request.environment
        spec.workingDirectory = directory.inSandbox
        spec.workspace = SandboxOverlay(
            lowerDirs: lowerDirectories(workspace.layers), upperDir: layout.layer(workspace.upper),
            workDir: layout.workDirectory(workspace.upper))
        // The state directory holds every other workspace, the database and the lock files.
        spec.hiddenPaths = [URL(fileURLWithPath: configuration.home).standardizedFileURL.path]
        spec.limits = SandboxLimits(
            timeout: request.timeoutMilliseconds.map { .milliseconds($0) }, memoryBytes: request.memoryBytes,
            pids: request.pids, cpuFraction: request.cpuFraction)
        spec.network = request.network
        spec.outputLimitBytes = request.outputLimitBytes
        return spec
    }

    private func recordExec(
        _ workspace: Workspace, _ request: ExecRequest, decision: PolicyDecision, result: ExecResult?,
        error: HangarError? = nil
    ) async throws {
        var payload: [String: JSONValue] = [
            "workspace": .string(workspace.name),
            "argv": .array(request.argv.map { .string($0) }),
            "network": .string(request.network.rawValue),
            "decision": try JSONValue(encoding: decision),
            "ran": .bool(result?.ran ?? false),
        ]
        if let error { payload["error"] = .string(error.code.rawValue) }
        if let result {
            payload["exit_code"] = result.exitCode.map { .int(Int64($0)) } ?? .null
            payload["signal"] = result.signal.map { .int(Int64($0)) } ?? .null
            payload["timed_out"] = .bool(result.timedOut)
            payload["oom_killed"] = .bool(result.oomKilled)
            payload["duration_ms"] = .int(result.durationMs)
            payload["checkpoint"] = result.checkpoint.map { .string($0) } ?? .null
            if let delta = result.delta {
                payload["delta"] = [
                    "added": .int(Int64(delta.added.count)), "modified": .int(Int64(delta.modified.count)),
                    "deleted": .int(Int64(delta.deleted.count)), "mode_changed": .int(Int64(delta.modeChanged.count)),
                    "bytes_written": .int(delta.bytesWritten),
                ]
            }
        }
        try await record(WorkspaceEventKind.executed, stream: Self.stream(workspace.name), .object(payload))
    }
}
