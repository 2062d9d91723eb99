public import Configuration
import Foundation
import HangarCore
public import HangarStore
import HangarWorkspace
public import Logging

/// How `hangar serve` (and every command that opens the store) is configured.
///
/// ## Configuration keys
/// - `server.host` (string, default `127.0.0.1`): the address to listen on. `HANGAR_SERVER_HOST`, `--host`.
/// - `server.port` (integer 0…65535, default `8080`; 0 picks a free port). `HANGAR_SERVER_PORT`, `--port`.
/// - `database.url` (string, optional): `sqlite:///path` or `postgres://…`. `HANGAR_DATABASE_URL`,
///   `--database-url`. Without it the store is `hangar.sqlite` in the state directory.
/// - `home` (string, default `./.hangar`): the state directory. `HANGAR_HOME`.
/// - `log.level` (string, default `info`): trace, debug, info, notice, warning, error or critical.
///   `HANGAR_LOG_LEVEL`, `--log-level`.
public struct ServerConfiguration: Sendable, Equatable {
    public static let defaultHost = "127.0.0.1"
    public static let defaultPort = 8080
    public static let defaultHome = "./.hangar"

    public var host: String
    public var port: Int
    public var databaseURL: String?
    public var home: String
    public var logLevel: Logger.Level

    public init(
        host: String = Self.defaultHost, port: Int = Self.defaultPort, databaseURL: String? = nil,
        home: String = Self.defaultHome, logLevel: Logger.Level = .info
    ) {
        self.host = host
        self.port = port
        self.databaseURL = databaseURL
        self.home = home
        self.logLevel = logLevel
    }

    /// Reads and validates the configuration; an invalid value fails with `config_invalid` (or
    /// `database_url_invalid`) naming its key.
    public init(reader: ConfigReader) throws {
        host = try reader.strictString(.serverHost) ?? Self.defaultHost
        port = try reader.strictInt(.serverPort) ?? Self.defaultPort
        databaseURL = try reader.strictString(.databaseURL).flatMap { $0.isEmpty ? nil : $0 }
        home = try reader.strictString(.home) ?? Self.defaultHome
        let level = try reader.strictString(.logLevel) ?? Logger.Level.info.rawValue
        guard let logLevel = Logger.Level(rawValue: level.lowercased()) else {
            throw HangarError(
                .configInvalid,
                "log.level must be one of \(Logger.Level.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        self.logLevel = logLevel
        try validate()
    }

    public func validate() throws {
        guard (0...65535).contains(port) else {
            throw HangarError(.configInvalid, "server.port must be an integer from 0 to 65535")
        }
        guard !host.isEmpty else { throw HangarError(.configInvalid, "server.host must not be empty") }
        guard !home.isEmpty else { throw HangarError(.configInvalid, "home must not be empty") }
        _ = try storageLocation()
    }

    /// Where the store is: `database.url`, else `hangar.sqlite` in the state directory.
    public func storageLocation() throws -> StorageLocation {
        try StorageLocation.resolve(databaseURL: databaseURL, home: home)
    }

    /// Opens the store, migrated. The state directory is created when the store is the default file in it.
    /// Opens the store with `projections`, by default every layer's (``ProjectionSet/withWorkspaces``).
    public func openStorage(
        logger: Logger, migrate: Bool = true, projections: ProjectionSet? = nil
    ) async throws -> any HangarStorage {
        let location = try storageLocation()
        if databaseURL == nil {
            do {
                try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
            } catch {
                throw HangarError(.configInvalid, "the state directory \(home) cannot be created", underlying: error)
            }
        }
        return try await StorageFactory.open(
            location, projections: projections ?? .withWorkspaces, logger: logger, migrate: migrate)
    }
}
