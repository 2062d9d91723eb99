import ArgumentParser
import HangarCore
import HangarData
import HangarTools
import Logging

/// `hangar mcp` and `hangar serve`: with `--data-policy`, the data tools are served next to the others, as the
/// one principal `--principal`, `--tenant` and `--scope` describe.
struct DataServeOptions: ParsableArguments {
    @Option(help: "Serve the data tools under this data policy file.")
    var dataPolicy: String?

    @Option(help: "The operator's database the data tools use: sqlite:///path, a path, or postgres://…[?schema=name].")
    var dataDatabase: String?

    @OptionGroup var identity: PrincipalOptions

    func validate() throws {
        guard dataPolicy != nil else {
            if dataDatabase != nil || identity.isSet {
                throw ValidationError("--data-database, --principal, --tenant and --scope need --data-policy")
            }
            return
        }
        guard dataDatabase != nil else { throw ValidationError("--data-policy needs --data-database") }
        guard identity.principal != nil else { throw ValidationError("--data-policy needs --principal") }
    }

    /// Runs `body` with a function that registers the data tools on a registry (over that registry's store);
    /// without `--data-policy` the function does nothing. With one, the operator's database is open for the
    /// duration of `body` (a PostgreSQL client runs until it returns).
    func withDataTools<T: Sendable>(
        home: String, logger: Logger,
        _ body: @Sendable (_ register: @escaping @Sendable (ToolRegistry) throws -> Void) async throws -> T
    ) async throws -> T {
        guard let dataPolicy, let dataDatabase, let principal = identity.principal else {
            return try await body { _ in }
        }
        let secret = try DataSecret.load(home: home)
        let identity = identity.resolved(defaultID: principal)
        return try await DataSource.withBinding(policyFile: dataPolicy, databaseURL: dataDatabase, logger: logger) {
            binding in
            try await body { registry in
                let runtime = binding.runtime(storage: registry.storage, secret: secret, logger: logger)
                try DataTools.register(on: registry, runtime: runtime, principal: identity)
            }
        }
    }
}
