import HangarCore
public import Logging
import PostgresNIO

extension PostgresPool {
    /// The client configuration for a location. TLS is off: Hangar talks to PostgreSQL on loopback or a
    /// private network; a `sslmode` option can be added to the URL when a deployment needs it.
    static func clientConfiguration(_ location: PostgresLocation) -> PostgresClient.Configuration {
        var configuration = PostgresClient.Configuration(
            host: location.host, port: location.port, username: location.username, password: location.password,
            database: location.database, tls: .disable)
        configuration.options.connectTimeout = connectTimeout
        configuration.options.additionalStartupParameters = startupParameters(location)
        return configuration
    }

    /// `search_path` puts every unqualified table in the location's schema (which the migration creates).
    static func startupParameters(_ location: PostgresLocation) -> [(String, String)] {
        var parameters = [("application_name", "hangar")]
        if let schema = location.schema {
            parameters.append(("search_path", "\"\(schema)\""))
        }
        return parameters
    }

    /// Opens and closes one connection, so a wrong host, port, password or database fails now, with a
    /// clear code, instead of when the first request waits for the pool.
    static func probe(_ location: PostgresLocation, logger: Logger) async throws {
        var configuration = PostgresConnection.Configuration(
            host: location.host, port: location.port, username: location.username, password: location.password,
            database: location.database, tls: .disable)
        // Covers the TCP connect and the whole start-up exchange, so a peer that accepts and then stays
        // silent cannot hang the caller either.
        configuration.options.connectTimeout = .seconds(connectTimeout.components.seconds)
        configuration.options.additionalStartupParameters = startupParameters(location)
        do {
            let connection = try await PostgresConnection.connect(
                configuration: configuration, id: 0, logger: logger)
            try? await connection.close()
        } catch {
            throw unreachable(error)
        }
    }
}

extension PostgresLocation {
    /// Opens and closes one connection within five seconds: a wrong host, port, password or database, or a
    /// peer that never answers, fails now with a clear code (`database_unavailable`, or the server's refusal)
    /// instead of leaving the first query waiting. For other PostgreSQL clients Hangar opens, such as the data
    /// tools' connection to an operator database.
    public func probe(logger: Logger) async throws {
        try await PostgresPool.probe(self, logger: logger)
    }
}
