import ArgumentParser
import HangarMockLLM
import Logging

/// `hangar llm mock --script FILE`: the scriptable OpenAI- and Anthropic-compatible mock LLM, until SIGTERM or
/// SIGINT. Once bound it prints `listening on http://HOST:PORT` (with `--json`, the envelope with `url`, `host`
/// and `port`), so a test can start it on port 0. A script that cannot be read is `config_invalid` (exit 10).
struct LLMMockCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mock", abstract: "Run the scriptable mock LLM server until SIGTERM or SIGINT.",
        discussion: """
            Serves POST /v1/chat/completions (OpenAI), POST /v1/messages (Anthropic), POST /v1/embeddings, \
            GET /v1/models, and GET/DELETE /_mock/requests (what the mock saw). The script (YAML or JSON) \
            lists rules; the first that matches a request's model and last user message answers it with a \
            reply, an error, a delay or garbage.
            """)

    @Option(help: "The mock script, YAML or JSON.")
    var script: String

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on; 0 picks a free one.")
    var port = 0

    @Option(help: "trace, debug, info, notice, warning, error or critical.")
    var logLevel = "info"

    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be from 0 to 65535") }
        guard Logger.Level(rawValue: logLevel) != nil else {
            throw ValidationError("unknown --log-level '\(logLevel)'")
        }
    }

    func run() async throws {
        let json = output.json
        let host = host
        try await CommandRunner.run(json: json) {
            let script = try MockScript.load(path: script)
            CommandLogging.bootstrap(level: Logger.Level(rawValue: logLevel) ?? .info)
            let server = MockLLMServer(script: script, host: host, port: port, logger: Logger(label: "hangar.mock-llm"))
            try await server.run { port in
                let url = "http://\(host.contains(":") ? "[\(host)]" : host):\(port)"
                if json {
                    let data = ServeCommand.Listening(url: url, host: host, port: port)
                    // Three plain fields always encode.
                    StandardOutput.line((try? Envelope.success(data)) ?? #"{"ok":true,"data":null}"#)
                } else {
                    StandardOutput.line("listening on \(url)")
                }
            }
        }
    }
}
