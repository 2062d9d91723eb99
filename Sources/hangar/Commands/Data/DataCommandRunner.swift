import ArgumentParser
import HangarCore
import HangarTools

/// Runs a `hangar data` command's body and prints its value: the `--json` envelope, or the human text
/// `describe` gives (nothing when it is empty). An error prints `code: message` on stderr, or with `--json`
/// the error envelope with its details (`approval_id`, `retry_after_seconds`, and for a schema violation the
/// `pointer` and `keyword`, as MCP gives them), and exits with its family's exit code.
enum DataCommandRunner {
    static func emit<T: Encodable>(json: Bool, _ body: () async throws -> T, describe: (T) -> String) async throws {
        do {
            let value = try await body()
            if json {
                StandardOutput.line(try Envelope.success(value))
            } else {
                let text = describe(value)
                if !text.isEmpty { StandardOutput.line(text) }
            }
        } catch let exit as ExitCode {
            throw exit
        } catch {
            var error = HangarError.wrapping(error)
            if json {
                if let violation = error.schemaViolation {
                    error.details["pointer"] = .string(violation.pointer)
                    error.details["keyword"] = .string(violation.keyword)
                }
                StandardOutput.line(Envelope.failure(error))
            } else {
                StandardOutput.errorLine("\(error.code.rawValue): \(error.message)")
            }
            throw ExitCode(error.code.family.exitCode)
        }
    }

    /// One line of JSON with sorted keys: how results print for humans too.
    static func line(_ value: JSONValue) -> String {
        value.canonicalString()
    }
}
