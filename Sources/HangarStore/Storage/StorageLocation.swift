import Foundation
import HangarCore

/// Where a store lives, parsed from `HANGAR_DATABASE_URL` (`sqlite:///abs/path.sqlite` or
/// `postgres://user:password@host:port/database`) or defaulted to a SQLite file in the state directory.
public enum StorageLocation: Sendable, Hashable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(PostgresLocation)

    /// The SQLite file name inside the state directory.
    public static let defaultFileName = "hangar.sqlite"

    /// The location `databaseURL` names, or the default SQLite file under `home`.
    public static func resolve(databaseURL: String?, home: String) throws -> StorageLocation {
        if let databaseURL, !databaseURL.isEmpty { return try parse(databaseURL) }
        return .sqlite(path: URL(fileURLWithPath: home).appendingPathComponent(defaultFileName).path)
    }

    public static func parse(_ text: String) throws -> StorageLocation {
        let invalid = HangarError(
            .databaseURLInvalid,
            "database URL must look like sqlite:///path/to/file.sqlite or postgres://user:password@host:port/database")
        if text.hasPrefix("sqlite://") {
            let path = String(text.dropFirst("sqlite://".count))
            guard path.hasPrefix("/"), path.count > 1, !path.hasSuffix("/") else { throw invalid }
            return .sqlite(path: path.removingPercentEncoding ?? path)
        }
        guard let components = URLComponents(string: text),
            components.scheme == "postgres" || components.scheme == "postgresql",
            let host = components.host, !host.isEmpty
        else { throw invalid }
        let database = String(components.path.drop(while: { $0 == "/" }))
        guard !database.isEmpty, !database.contains("/") else { throw invalid }
        if let port = components.port, !(1...65535).contains(port) { throw invalid }
        let schema = components.queryItems?.first(where: { $0.name == "schema" })?.value
        if let schema, !PostgresLocation.isValidSchema(schema) { throw invalid }
        return .postgres(
            PostgresLocation(
                host: host, port: components.port ?? 5432, username: components.user ?? "postgres",
                password: components.password, database: database, schema: schema))
    }

    /// The location without secrets, for logs and `hangar.info`.
    public var description: String {
        switch self {
        case .sqlite(let path): "sqlite://\(path)"
        case .postgres(let location):
            "postgres://\(location.username)@\(location.host):\(location.port)/\(location.database)"
        }
    }

    public var backend: StorageBackend {
        switch self {
        case .sqlite: .sqlite
        case .postgres: .postgres
        }
    }
}

/// Where a PostgreSQL database is.
public struct PostgresLocation: Sendable, Hashable {
    public var host: String
    public var port: Int
    public var username: String
    public var password: String?
    public var database: String
    /// The schema Hangar's tables live in (`search_path`); `public` when nil. Tests give each case its own.
    public var schema: String?

    public init(host: String, port: Int, username: String, password: String?, database: String, schema: String? = nil) {
        self.host = host
        self.port = port
        self.username = username
        self.password = password
        self.database = database
        self.schema = schema
    }

    /// Schema names are limited to lower-case letters, digits and `_` so they can be written into SQL.
    public static func isValidSchema(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 63 && name.first.map { !$0.isNumber } == true
            && name.allSatisfy { ($0.isLetter && $0.isLowercase && $0.isASCII) || $0.isNumber || $0 == "_" }
    }
}
