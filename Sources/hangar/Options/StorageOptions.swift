import ArgumentParser
import HangarServer

/// Where the configuration and the store are, for every command that opens the store.
struct StorageOptions: ParsableArguments {
    @Option(help: "The database: sqlite:///path/to/file.sqlite or postgres://user:password@host:port/database.")
    var databaseURL: String?

    @Option(name: .customLong("config"), help: "A JSON config file (default: $HANGAR_HOME/hangar.json if present).")
    var configFile: String?

    var overrides: ConfigurationOverrides {
        ConfigurationOverrides(databaseURL: databaseURL, configFile: configFile)
    }
}
