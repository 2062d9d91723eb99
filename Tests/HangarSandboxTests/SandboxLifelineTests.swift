import Foundation
import Glibc
import HangarSandbox
import HangarTesting
import Subprocess
import SystemPackage
import Testing

extension SandboxTests {
    /// A `kill -9` of the runner cannot be done to the test process itself; instead the helper is started
    /// directly with a lifeline pipe, and the pipe is closed as the kernel would close it for a dead runner.
    @Suite struct Lifeline {
        @Test func closingTheLifelineKillsTheCommandWithinASecond() async throws {
            let fixture = try SandboxFixture()
            let scratch = "\(fixture.directory)/scratch"
            try FileManager.default.createDirectory(atPath: "\(scratch)/root", withIntermediateDirectories: true)
            var fds: [Int32] = [-1, -1]
            try #require(pipe(&fds) == 0)
            _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
            let sleeper = ["sleep", "100.9"]
            let arguments = [
                "__sandbox", "--status-file", "\(scratch)/status", "--root-dir", "\(scratch)/root", "--lifeline",
                "--", "sh", "-c", "sleep 100.9 & (sleep 100.9 &); sleep 100.9",
            ]
            let start = ContinuousClock.now
            let result = try await Subprocess.run(
                .path(FilePath(try HangarBinary.path())), arguments: Arguments(arguments),
                input: .fileDescriptor(FileDescriptor(rawValue: fds[0]), closeAfterSpawningProcess: true),
                output: .discarded, error: .discarded
            ) { _ in
                // Wait until all three sleeps run, then "die".
                while HostState.processes(withArguments: sleeper).count < 3 {
                    try await Task.sleep(for: .milliseconds(20))
                    if ContinuousClock.now - start > .seconds(10) { break }
                }
                let running = HostState.processes(withArguments: sleeper).count
                close(fds[1])
                let closedAt = ContinuousClock.now
                let survivors = await HostState.waitUntilGone(sleeper, within: .seconds(1))
                return (running, survivors, ContinuousClock.now - closedAt)
            }
            let (running, survivors, elapsed) = result.closureResult
            #expect(running == 3)
            #expect(survivors == [])
            #expect(elapsed < .seconds(1))
            #expect(result.terminationStatus == .exited(0))
            #expect(try String(contentsOfFile: "\(scratch)/status", encoding: .utf8) == "lifeline_lost\n")
            fixture.expectNothingLeft()
        }
    }
}
