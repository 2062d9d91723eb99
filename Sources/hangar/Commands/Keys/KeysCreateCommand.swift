import ArgumentParser
import HangarCore
import HangarGateway

/// `hangar keys create NAME [--budget 5.00 --period 1d --rpm 60 --tpm 100000 --models a,b]`: prints the key's
/// token once (only its SHA-256 is stored).
struct KeysCreateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create", abstract: "Create a virtual key and print its token (shown only this once).")

    @Argument(help: "A name for the key (who or what uses it).")
    var name: String

    @Option(help: "Cost budget in US dollars, e.g. 5.00 (six decimals at most).")
    var budget: String?

    @Option(help: "Budget period: 30s, 15m, 1h, 1d or 1w; the budget starts afresh each period.")
    var period: String?

    @Option(help: "Requests per minute.")
    var rpm: Int64?

    @Option(help: "Tokens per minute (prompt and completion).")
    var tpm: Int64?

    @Option(help: "Comma-separated model aliases the key may use (default: all).")
    var models: String?

    @OptionGroup var storage: StorageOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        try await CommandRunner.emit(json: output.json) {
            let spec = KeySpec(
                name: name, budget: try budget.map(KeySpec.dollars), periodSeconds: try period.map(KeySpec.period),
                requestsPerMinute: rpm, tokensPerMinute: tpm,
                models: models.map { $0.split(separator: ",").map { String($0).trimmingWhitespace() } })
            return try await storage.withStore { store, _ in
                let (key, token) = try await KeyRing(storage: store).create(spec)
                var summary = key.summary.objectValue ?? [:]
                summary["token"] = .string(token)
                return JSONValue.object(summary)
            }
        } describe: { value in
            "\(value["token"]?.stringValue ?? "")\n(key \(value["id"]?.stringValue ?? ""); the token is shown only once)"
        }
    }
}

extension String {
    func trimmingWhitespace() -> String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
