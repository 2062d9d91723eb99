extension CommandRunner {
    /// Runs `body` and prints its value: the `--json` envelope, or the human text `describe` gives.
    static func emit<T: Encodable>(json: Bool, _ body: () async throws -> T, describe: (T) -> String) async throws {
        try await run(json: json) {
            let value = try await body()
            if json {
                StandardOutput.line(try Envelope.success(value))
            } else {
                StandardOutput.line(describe(value))
            }
        }
    }
}
