import ArgumentParser
import HangarData
import HangarServer
import HangarStore
import Logging

/// `--policy FILE --database URL`: the operator's database and the policy that says what agents may do in it.
struct DataSourceOptions: ParsableArguments {
    @Option(help: "The data policy file (JSON, or YAML for .yaml/.yml; `hangar data init` writes a starter).")
    var policy: String

    @Option(help: "The operator's database: sqlite:///path, a plain file path, or postgres://…[?schema=name].")
    var database: String

    /// Opens Hangar's own store (where the audit events go) and the data runtime over the operator's
    /// database, runs `body`, and closes both.
    func withRuntime<T: Sendable>(
        storage: StorageOptions, _ body: @Sendable (DataRuntime, any HangarStorage) async throws -> T
    ) async throws -> T {
        let logger = Logger(label: "hangar.data")
        return try await storage.withStore { store, configuration in
            let secret = try DataSecret.load(home: configuration.home)
            return try await DataSource.withRuntime(
                policyFile: policy, databaseURL: database, storage: store, secret: secret, logger: logger
            ) { runtime in
                try await body(runtime, store)
            }
        }
    }
}
