internal import Foundation
internal import HangarCore
public import HangarStore
public import Logging
internal import PostgresNIO

/// Opens the operator's database by URL for the data runtime: `sqlite:///abs/path.sqlite` (or a plain file
/// path), or `postgres://user:password@host:port/database[?schema=name]`.
public enum DataSource {
    /// Opens the database at `url`, reads its schema, joins it with the policy in `policyFile` (JSON, or YAML
    /// for `.yaml`/`.yml`), and runs `body` with a ``DataRuntime`` over it that audits into `storage`.
    ///
    /// - Throws: `database_url_invalid`, `database_unavailable` (no path or password in the message),
    ///   `data_policy_invalid`, or what `body` throws.
    public static func withRuntime<T: Sendable>(
        policyFile: String, databaseURL: String, storage: any HangarStorage, secret: [UInt8], logger: Logger,
        _ body: @Sendable (DataRuntime) async throws -> T
    ) async throws -> T {
        try await withBinding(policyFile: policyFile, databaseURL: databaseURL, logger: logger) { binding in
            try await body(binding.runtime(storage: storage, secret: secret, logger: logger))
        }
    }

    /// As ``withRuntime(policyFile:databaseURL:storage:secret:logger:_:)``, for a caller that gets its store
    /// later (the server builds its tool registry, and so knows its store, only when it mounts MCP). The SQLite
    /// file is opened for writes only when the policy allows some; a PostgreSQL client runs for the duration
    /// of `body`.
    public static func withBinding<T: Sendable>(
        policyFile: String, databaseURL: String, logger: Logger, _ body: @Sendable (DataBinding) async throws -> T
    ) async throws -> T {
        let policy = try DataPolicy.parse(try readPolicy(policyFile), fileName: policyFile)
        for warning in policy.warnings { logger.warning("data policy: \(warning)") }
        let writable = policy.models.values.contains { !$0.writes.operations.isEmpty }
        return try await withDatabase(url: databaseURL, writable: writable, logger: logger) {
            executor, dialect, schema in
            try await body(DataBinding(models: try policy.expose(schema: schema), dialect: dialect, executor: executor))
        }
    }

    /// Opens the database at `url` and runs `body` with an executor, its dialect and its schema.
    public static func withDatabase<T: Sendable>(
        url: String, writable: Bool, logger: Logger,
        _ body: @Sendable (any DataExecutor, SQLDialect, SchemaCatalog) async throws -> T
    ) async throws -> T {
        let location: StorageLocation =
            url.hasPrefix("sqlite://") || url.hasPrefix("postgres")
            ? try StorageLocation.parse(url) : .sqlite(path: url)
        switch location {
        case .sqlite(let path):
            guard FileManager.default.fileExists(atPath: path) else {
                throw HangarError(.databaseUnavailable, "the database file does not exist")
            }
            let executor = try SQLiteDataExecutor(path: path, writable: writable)
            do {
                let result = try await body(executor, .sqlite, try await SchemaCatalog.introspect(sqlitePath: path))
                try await executor.close()
                return result
            } catch {
                try? await executor.close()
                throw error
            }
        case .postgres(let location):
            try await location.probe(logger: logger)
            let configuration = PostgresClient.Configuration(
                host: location.host, port: location.port, username: location.username, password: location.password,
                database: location.database, tls: .disable)
            var options = configuration
            options.options.connectTimeout = .seconds(5)
            if let schema = location.schema { options.options.additionalStartupParameters = [("search_path", schema)] }
            let client = PostgresClient(configuration: options, backgroundLogger: logger)
            return try await withThrowingTaskGroup(of: T?.self) { group in
                group.addTask {
                    await client.run()
                    return nil
                }
                defer { group.cancelAll() }
                let schema: SchemaCatalog
                do {
                    schema = try await SchemaCatalog.introspect(
                        postgres: client, schema: location.schema ?? "public", logger: logger)
                } catch let error as HangarError {
                    throw error
                } catch {
                    throw HangarError(.databaseUnavailable, "cannot read the database's schema", underlying: error)
                }
                return try await body(PostgresDataExecutor(client: client, logger: logger), .postgres, schema)
            }
        }
    }

    private static func readPolicy(_ path: String) throws -> Data {
        do { return try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw HangarError(.dataPolicyInvalid, "cannot read the data policy file", underlying: error)
        }
    }
}

/// A policy joined with an open database: everything a ``DataRuntime`` needs but the store it audits into and
/// the secret.
public struct DataBinding: Sendable {
    public let models: [String: ExposedModel]
    public let dialect: SQLDialect
    public let executor: any DataExecutor

    public func runtime(storage: any HangarStorage, secret: [UInt8], logger: Logger) -> DataRuntime {
        DataRuntime(
            models: models, dialect: dialect, executor: executor, storage: storage, secret: secret, logger: logger)
    }
}
