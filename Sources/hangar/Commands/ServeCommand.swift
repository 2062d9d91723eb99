import ArgumentParser
import HangarGateway
import HangarServer
import Logging

/// `hangar serve`: the HTTP server until SIGTERM or SIGINT. Once bound it prints `listening on http://HOST:PORT`
/// (with `--json`, the envelope with `url`, `host` and `port`), so a script can start it on port 0. With
/// `--data-policy`, `/mcp` serves the data tools too, and the operator's database stays open while it runs.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Run the HTTP server until SIGTERM or SIGINT.")

    @Option(help: "The address to listen on (default 127.0.0.1).")
    var host: String?

    @Option(help: "The port to listen on; 0 picks a free one (default 8080).")
    var port: Int?

    @Option(help: "trace, debug, info, notice, warning, error or critical (default info).")
    var logLevel: String?

    @Option(
        help: ArgumentHelp(
            "A gateway configuration file (YAML or JSON): serves /v1/chat/completions, /v1/messages, /v1/embeddings and /v1/models.",
            valueName: "file"))
    var gatewayConfig: String?

    @OptionGroup var storage: StorageOptions
    @OptionGroup(title: "Data tools") var data: DataServeOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let json = output.json
        try await CommandRunner.run(json: json) {
            var overrides = storage.overrides
            overrides.host = host
            overrides.port = port
            overrides.logLevel = logLevel
            let configuration = try await ServerConfiguration.load(overrides: overrides)
            CommandLogging.bootstrap(level: configuration.logLevel)
            let logger = Logger(label: "hangar.server")
            let gateway = try gatewayConfig.map { try GatewayConfig.load(path: $0) }
            try await data.withDataTools(home: configuration.home, logger: logger) { registerDataTools in
                try await HangarApplication.run(
                    configuration: configuration,
                    mcp: HangarMCP(registerTools: { [home = configuration.home] in
                        try ServedTools.register(on: $0, home: home)
                        try registerDataTools($0)
                    }),
                    gateway: gateway, logger: logger,
                    onListening: { address in
                        if json {
                            let data = Listening(url: address.url, host: address.host, port: address.port)
                            // Three plain fields always encode.
                            StandardOutput.line((try? Envelope.success(data)) ?? #"{"ok":true,"data":null}"#)
                        } else {
                            StandardOutput.line("listening on \(address.url)")
                        }
                    })
            }
        }
    }

    struct Listening: Encodable {
        var url: String
        var host: String
        var port: Int
    }
}
