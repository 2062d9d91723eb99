import ArgumentParser
import Foundation
import HangarCore
import HangarSandbox
import HangarWorkspace

/// `hangar exec WS [limits] -- ARGV…`: runs a command in the workspace's sandbox and prints the result.
///
/// Exit codes: 0 the command exited 0; 1 it failed (its own code and signal are in the result); 7 the policy
/// denied it; 11 it needs approval (the token is printed); 12 it timed out; 13 the sandbox failed.
struct ExecCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exec", abstract: "Run a command in a workspace, inside the sandbox.")

    @Argument(help: "The workspace.") var workspace: String
    @Option(help: "Kill the whole process tree after this many milliseconds.") var timeout: Int64?
    @Option(help: "Memory limit in bytes.") var memory: Int64?
    @Option(help: "Most processes and threads at once.") var pids: Int?
    @Option(help: "CPU share, e.g. 0.5 for half a core.") var cpu: Double?
    @Option(help: "none (default), proxy or host.") var network: String = "none"
    @Option(name: .customLong("env"), help: "K=V, repeatable.") var environment: [String] = []
    @Option(help: "Working directory, relative to the workspace root.") var cwd: String?
    @Option(help: "An approved one-time approval token.") var approval: String?
    @OptionGroup var storage: StorageOptions
    @OptionGroup var output: OutputOptions
    @Argument(parsing: .postTerminator, help: "The command.") var argv: [String] = []

    func run() async throws {
        var outcome: ExecResult?
        try await CommandRunner.run(json: output.json) {
            guard let mode = NetworkMode(rawValue: network) else {
                throw HangarError(.invalidArguments, "--network is none, proxy or host")
            }
            var variables: [String: String] = [:]
            for pair in environment {
                guard let equals = pair.firstIndex(of: "="), equals != pair.startIndex else {
                    throw HangarError(.invalidArguments, "--env takes K=V")
                }
                variables[String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
            }
            let request = ExecRequest(
                argv: argv, environment: variables, workingDirectory: cwd, timeoutMilliseconds: timeout,
                memoryBytes: memory, pids: pids, cpuFraction: cpu, network: mode, approvalToken: approval)
            let result = try await storage.withWorkspaces { try await $0.exec(workspace, request) }
            outcome = result
            try show(result)
        }
        guard let outcome else { return }
        let code = Self.exitCode(outcome)
        if code != 0 { throw ExitCode(code) }
    }

    private func show(_ result: ExecResult) throws {
        if output.json {
            if let error = result.decision.error {
                StandardOutput.line(try Envelope.failure(error, data: result))
            } else {
                StandardOutput.line(try Envelope.success(result))
            }
            return
        }
        switch result.decision.action {
        case .deny:
            StandardOutput.errorLine(
                "denied by policy (\(result.decision.rule ?? "default")): \(result.decision.reason)")
        case .requireApproval:
            StandardOutput.errorLine(
                "approval required (\(result.decision.rule ?? "default")): \(result.decision.reason)")
            if let ticket = result.approval {
                StandardOutput.errorLine("approve with: hangar approve \(ticket.token)")
                StandardOutput.errorLine("then run the same command again with --approval \(ticket.token)")
            }
        case .allow, .allowWithCheckpoint:
            FileHandle.standardOutput.write(Data(result.stdout.utf8))
            FileHandle.standardError.write(Data(result.stderr.utf8))
            if result.timedOut { StandardOutput.errorLine("timed out after \(result.durationMs) ms") }
            if result.oomKilled { StandardOutput.errorLine("killed: out of memory") }
        }
    }

    static func exitCode(_ result: ExecResult) -> Int32 {
        switch result.decision.action {
        case .deny: return HangarError.Family.forbidden.exitCode
        case .requireApproval: return HangarError.Family.approvalRequired.exitCode
        case .allow, .allowWithCheckpoint:
            if result.timedOut { return HangarError.Family.timedOut.exitCode }
            return result.exitCode == 0 ? 0 : 1
        }
    }
}
