import ArgumentParser
import HangarServer
import HangarStore
import Logging

/// `hangar migrate`: creates or upgrades the schema, then says where the store is and how far its log goes.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate", abstract: "Create or upgrade the database schema.")

    @OptionGroup var storage: StorageOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let json = output.json
        try await CommandRunner.run(json: json) {
            let status = try await storage.withStore(migrate: false) { store, configuration in
                try await store.migrate()
                return Status(
                    backend: store.backend.rawValue, database: try configuration.storageLocation().description,
                    schema: "up_to_date", head: try await store.head())
            }
            if json {
                StandardOutput.line(try Envelope.success(status))
            } else {
                StandardOutput.line(
                    "schema up to date: \(status.database) (\(status.backend)), log head \(status.head)")
            }
        }
    }

    struct Status: Encodable {
        var backend: String
        var database: String
        var schema: String
        var head: Int64
    }
}
