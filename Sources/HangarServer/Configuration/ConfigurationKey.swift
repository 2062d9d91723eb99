import Foundation

/// A configuration key Hangar reads, the JSON type a config file must give it, and where else it can be set.
///
/// Keys are dot-separated: `server.port` is `{"server":{"port":…}}` in a config file and `HANGAR_SERVER_PORT` in
/// the environment. The list of known keys is what a config file is checked against: swift-configuration reads
/// only the keys a component asks for, so a misspelt key in a file would otherwise be ignored without a word.
public struct ConfigurationKey: Sendable, Hashable, CustomStringConvertible {
    public enum ValueType: String, Sendable {
        case string
        case integer
    }

    public let name: String
    public let type: ValueType

    public init(_ name: String, _ type: ValueType) {
        self.name = name
        self.type = type
    }

    /// The environment variable that sets this key: `HANGAR_` then the key upper-cased, dots as underscores.
    public var environmentVariable: String {
        "HANGAR_" + name.uppercased().replacingOccurrences(of: ".", with: "_")
    }

    public var description: String { name }
}

extension ConfigurationKey {
    public static let serverHost = Self("server.host", .string)
    public static let serverPort = Self("server.port", .integer)
    public static let databaseURL = Self("database.url", .string)
    public static let home = Self("home", .string)
    public static let logLevel = Self("log.level", .string)

    /// Every key a config file may contain.
    public static let known: [ConfigurationKey] = [serverHost, serverPort, databaseURL, home, logLevel]
}
