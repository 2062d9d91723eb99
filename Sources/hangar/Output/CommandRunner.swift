import ArgumentParser
import HangarCore

/// Runs a command's body at the CLI edge: a `HangarError` (or anything else, as `internal`) becomes a message on
/// stderr, or the error envelope on stdout with `--json`, and the exit code of its family.
enum CommandRunner {
    static func run(json: Bool, _ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let exit as ExitCode {
            throw exit
        } catch {
            let hangarError = HangarError.wrapping(error)
            if json {
                StandardOutput.line(Envelope.failure(hangarError))
            } else {
                StandardOutput.errorLine("error: \(hangarError.message) (\(hangarError.code.rawValue))")
            }
            throw ExitCode(hangarError.code.family.exitCode)
        }
    }
}
