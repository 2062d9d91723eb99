import ArgumentParser
import Foundation
import HangarCore
import HangarData
import Logging

/// `hangar data init --database URL [--output FILE [--force]]`: reads the database's schema and writes the
/// starter policy, which exposes nothing (every table a model without fields, its columns listed under
/// `_columns`). Without `--output` the policy goes to stdout, exactly as it would to the file.
struct DataInitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Write a deny-all starter policy for a database, listing its columns.")

    @Option(help: "The operator's database: sqlite:///path, a plain file path, or postgres://…[?schema=name].")
    var database: String

    @Option(help: "Write the policy to this file instead of stdout.")
    var output: String?

    @Flag(help: "Overwrite --output when it exists.")
    var force = false

    @OptionGroup var options: OutputOptions

    func run() async throws {
        try await DataCommandRunner.emit(json: options.json) {
            CommandLogging.bootstrap(level: .warning)
            if let output, !force, FileManager.default.fileExists(atPath: output) { throw Self.exists }
            let text = try await DataSource.withDatabase(
                url: database, writable: false, logger: Logger(label: "hangar.data")
            ) { _, _, schema in
                StarterPolicy.generate(schema: schema)
            }
            guard let output else {
                return Written(path: nil, policy: try JSONValue.parse(text, limits: .policy), text: text)
            }
            try write(text, to: output)
            return Written(path: output, policy: nil, text: text)
        } describe: { written in
            written.path.map { "wrote \($0)" } ?? String(written.text.dropLast())
        }
    }

    private func write(_ text: String, to path: String) throws {
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: force ? .atomic : .withoutOverwriting)
        } catch CocoaError.fileWriteFileExists {
            // Created by someone else since the check above.
            throw Self.exists
        } catch {
            throw HangarError(.invalidArguments, "cannot write --output", underlying: error)
        }
    }

    private static let exists = HangarError(.fileExists, "--output exists; pass --force to overwrite it")

    /// Where the policy went: `path`, or (without `--output`) the policy itself in `policy`.
    struct Written: Encodable {
        var path: String?
        var policy: JSONValue?
        /// The policy file's text, printed for humans.
        var text: String

        enum CodingKeys: String, CodingKey {
            case path, policy
        }
    }
}

extension JSONLimits {
    /// A policy is at most ``DataPolicy/maximumSize`` bytes; its nesting is shallow.
    static let policy = JSONLimits(maxBytes: DataPolicy.maximumSize, maxDepth: 16)
}

extension HangarError.Code {
    /// A file the command would write exists, and `--force` was not given.
    static let fileExists = Self("file_exists", family: .conflict)
}
