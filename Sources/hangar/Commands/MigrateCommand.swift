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
            let configuration = try await ServerConfiguration.load(overrides: storage.overrides)
            CommandLogging.bootstrap(level: configuration.logLevel)
            let location = try configuration.storageLocation()
            let store = try await configuration.openStorage(logger: Logger(label: "hangar.store"), migrate: false)
            let status: Status
            do {
                try await store.migrate()
                status = Status(
                    backend: store.backend.rawValue, database: location.description, schema: "up_to_date",
                    head: try await store.head())
                try await store.close()
            } catch {
                try? await store.close()
                throw error
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
