/// What the command line says, ahead of the environment, the config file and the defaults.
public struct ConfigurationOverrides: Sendable, Equatable {
    public var host: String?
    public var port: Int?
    public var databaseURL: String?
    public var home: String?
    public var logLevel: String?
    /// `--config PATH`: a config file that must exist. Without it, `$HANGAR_HOME/hangar.json` is read if present.
    public var configFile: String?

    public init(
        host: String? = nil, port: Int? = nil, databaseURL: String? = nil, home: String? = nil,
        logLevel: String? = nil, configFile: String? = nil
    ) {
        self.host = host
        self.port = port
        self.databaseURL = databaseURL
        self.home = home
        self.logLevel = logLevel
        self.configFile = configFile
    }
}
