import HangarCore
import Subprocess
import SystemPackage

/// One run of the helper process: spawn, capture both streams concurrently, enforce the deadline.
struct HelperRun: Sendable {
    let executable: String
    let arguments: [String]
    let cgroup: SandboxCgroup
    let timeout: Duration?
    let outputLimit: Int

    /// What the run produced, before the status file is interpreted.
    struct Outcome: Sendable {
        var stdout: OutputCapture
        var stderr: OutputCapture
        var timedOut: Bool
        var terminationStatus: TerminationStatus
        var duration: Duration
    }

    private enum Event: Sendable {
        case stdout(OutputCapture)
        case stderr(OutputCapture)
        case deadlinePassed
        case deadlineCancelled
    }

    func run() async throws -> Outcome {
        let lifeline = try Lifeline()
        let configuration = Configuration(
            executable: .path(FilePath(executable)), arguments: Arguments(arguments),
            environment: .custom([:]))
        let start = ContinuousClock.now
        let result = try await withTaskCancellationHandler {
            try await Subprocess.run(
                configuration, input: .fileDescriptor(lifeline.readEnd, closeAfterSpawningProcess: true),
                output: .sequence, error: .sequence
            ) { execution in
                try await capture(execution, deadline: timeout.map { ContinuousClock.now + $0 })
            }
        } onCancel: {
            cgroup.killAll()
        }
        _ = consume lifeline  // the write end stays open until here, so the helper sees EOF only if we die
        let (stdout, stderr, timedOut) = result.closureResult
        return Outcome(
            stdout: stdout, stderr: stderr, timedOut: timedOut, terminationStatus: result.terminationStatus,
            duration: ContinuousClock.now - start)
    }

    /// Reads both streams to their end while a third task waits for the deadline and kills the tree.
    private func capture(
        _ execution: Execution<FileDescriptorInput, SequenceOutput, SequenceOutput>, deadline: ContinuousClock.Instant?
    ) async throws -> (OutputCapture, OutputCapture, Bool) {
        try await withThrowingTaskGroup(of: Event.self) { group in
            let limit = outputLimit
            group.addTask { .stdout(try await OutputCapture.collect(execution.standardOutput, limit: limit)) }
            group.addTask { .stderr(try await OutputCapture.collect(execution.standardError, limit: limit)) }
            if let deadline {
                let cgroup = cgroup
                group.addTask {
                    do {
                        try await Task.sleep(until: deadline, clock: .continuous)
                    } catch {
                        return .deadlineCancelled
                    }
                    // cgroup.kill takes the whole tree at once; killing the helper also takes its init (and
                    // with it the PID namespace) through PR_SET_PDEATHSIG, should cgroup2 be missing.
                    cgroup.killAll()
                    try? execution.send(signal: .kill)
                    return .deadlinePassed
                }
            }
            var stdout = OutputCapture()
            var stderr = OutputCapture()
            var timedOut = false
            var openStreams = 2
            while let event = try await group.next() {
                switch event {
                case .stdout(let capture): stdout = capture; openStreams -= 1
                case .stderr(let capture): stderr = capture; openStreams -= 1
                case .deadlinePassed: timedOut = true
                case .deadlineCancelled: break
                }
                if openStreams == 0 { group.cancelAll() }
            }
            return (stdout, stderr, timedOut)
        }
    }
}
