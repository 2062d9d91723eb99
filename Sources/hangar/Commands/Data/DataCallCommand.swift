import ArgumentParser
import Foundation
import HangarCore
import HangarData
import HangarTools
import Logging

/// `hangar data call TOOL ARGS_JSON --policy FILE --database URL [--principal …]`: one data tool call, through
/// a tool registry like MCP's, so it meets the same schema validation (`invalid_arguments` with a pointer), the
/// same policy and the same audit. Prints the result; an error exits with its family's code (`11` for a write
/// held for approval, its `approval_id` in the `--json` envelope).
struct DataCallCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "call", abstract: "Call a data tool (db.query, db.get, db.create, …) as a principal.")

    @Argument(help: "The tool: db.describe, db.query, db.get, db.aggregate, db.create, db.update, db.delete, …")
    var tool: String

    @Argument(help: "The arguments, a JSON object; - reads them from stdin.")
    var arguments: String

    @OptionGroup var data: DataOptions
    @OptionGroup var storage: StorageOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let principal = data.resolvedPrincipal
        let tool = tool
        try await DataCommandRunner.emit(json: output.json) {
            let text = arguments == "-" ? try Self.standardInput() : arguments
            let parsed = try JSONValue.parse(text, limits: .toolArguments)
            let logger = Logger(label: "hangar.data")
            return try await data.source.withRuntime(storage: storage) { runtime, store in
                let registry = ToolRegistry(storage: store, logger: logger)
                try DataTools.register(on: registry, runtime: runtime, principal: principal)
                let caller = ToolCaller(actor: CommandActor.current, scopes: [ToolCaller.allScopes])
                return try await registry.call(tool, arguments: parsed, caller: caller)
            }
        } describe: {
            DataCommandRunner.line($0)
        }
    }

    private static func standardInput() throws -> String {
        guard let data = try FileHandle.standardInput.readToEnd() else { return "" }
        return String(decoding: data, as: UTF8.self)
    }
}
