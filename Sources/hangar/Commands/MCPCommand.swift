import ArgumentParser
import HangarCore
import HangarServer
import HangarStore
import HangarTools
import Logging

/// `hangar mcp`: serves Hangar's tools over MCP on stdin/stdout, as the local operator (every scope), until
/// the client closes stdin; with `--data-policy`, the data tools too, as `--principal`. Logs go to stderr;
/// stdout carries only the protocol.
struct MCPCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mcp",
        abstract: "Serve Hangar's tools over MCP on stdin and stdout."
    )

    @Option(help: "trace, debug, info, notice, warning, error or critical (default info).")
    var logLevel: String?

    @OptionGroup var storage: StorageOptions
    @OptionGroup(title: "Data tools") var data: DataServeOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        try await CommandRunner.run(json: output.json) {
            var logger = Logger(label: "hangar.mcp")
            logger[metadataKey: "mcp.transport"] = "stdio"
            try await storage.withStore(logLevel: logLevel, logger: logger) { [logger] store, configuration in
                let registry = ToolRegistry(storage: store, logger: logger)
                try ServedTools.register(on: registry, home: configuration.home)
                try await data.withDataTools(home: configuration.home, logger: logger) { registerDataTools in
                    try registerDataTools(registry)
                    try await runMCPStdio(registry: registry, logger: logger)
                }
            }
        }
    }
}
