import Foundation
import GRDB
import HangarCore
import HangarData
import HangarStore
import HangarTesting
import Logging
import PostgresNIO

/// A throwaway operator database for the data tests: a SQLite file in a directory of its own, or a PostgreSQL
/// schema of its own (first in the client's `search_path`), set up by `statements` and removed afterwards. A
/// missing `HANGAR_TEST_POSTGRES_URL` is an error, never a skip.
enum OperatorDatabase {
    /// Runs `body` with the path of a new SQLite file holding `statements`' tables.
    static func withSQLiteFile<T>(_ statements: [String], _ body: (String) async throws -> T) async throws -> T {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("hangar-data-\(ULID().description.lowercased())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("app.sqlite").path
        let queue = try DatabaseQueue(path: path)
        try await queue.write { db in
            for statement in statements { try db.execute(sql: statement) }
        }
        try queue.close()
        return try await body(path)
    }

    /// Runs `body` with a running client on a new schema holding `statements`' tables, and the location (its
    /// `schema` set) for building a URL.
    static func withPostgresSchema<T: Sendable>(
        _ statements: [String], _ body: @Sendable (PostgresClient, PostgresLocation) async throws -> T
    ) async throws -> T {
        guard case .postgres(let location) = try StorageHarness.makeLocation(.postgres), let schema = location.schema
        else { throw HangarError(.configInvalid, "not a PostgreSQL location") }
        var configuration = PostgresClient.Configuration(
            host: location.host, port: location.port, username: location.username, password: location.password,
            database: location.database, tls: .disable)
        configuration.options.additionalStartupParameters = [("search_path", schema)]
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask {
                await client.run()
                return nil
            }
            defer { group.cancelAll() }
            try await client.query(PostgresQuery(unsafeSQL: "CREATE SCHEMA \(schema)"), logger: logger)
            do {
                for statement in statements {
                    try await client.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                let result = try await body(client, location)
                try await client.query(PostgresQuery(unsafeSQL: "DROP SCHEMA \(schema) CASCADE"), logger: logger)
                return result
            } catch {
                _ = try? await client.query(PostgresQuery(unsafeSQL: "DROP SCHEMA \(schema) CASCADE"), logger: logger)
                throw error
            }
        }
    }

    /// Runs `body` with a read-only SQLite executor over a new file holding `statements`' tables.
    static func withSQLiteExecutor<T>(_ statements: [String], _ body: (SQLiteDataExecutor) async throws -> T)
        async throws -> T
    {
        try await withSQLiteFile(statements) { path in
            let executor = try SQLiteDataExecutor(path: path)
            let result = try await body(executor)
            try await executor.close()
            return result
        }
    }

    /// Runs `body` with `dialect`'s executor over a new database holding `statements`' tables.
    static func withExecutor<T: Sendable>(
        _ dialect: SQLDialect, _ statements: [String], _ body: @Sendable (any DataExecutor) async throws -> T
    ) async throws -> T {
        switch dialect {
        case .sqlite:
            try await withSQLiteExecutor(statements) { try await body($0) }
        case .postgres:
            try await withPostgresSchema(statements) { client, _ in
                try await body(PostgresDataExecutor(client: client, logger: logger))
            }
        }
    }

    static let logger: Logger = {
        var logger = Logger(label: "hangar.test.data")
        logger.logLevel = .error
        return logger
    }()
}
