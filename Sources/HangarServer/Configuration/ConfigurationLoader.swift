public import Configuration
import Foundation
import HangarCore

/// Builds the `ConfigReader` every Hangar command reads its configuration from, in this order of precedence:
/// the command line, the environment (`HANGAR_…`), the config file, then each component's defaults.
public enum ConfigurationLoader {
    /// The config file read from the state directory when `--config` is not given.
    public static let defaultFileName = "hangar.json"

    public static func reader(
        overrides: ConfigurationOverrides = ConfigurationOverrides(),
        environment: [String: String]? = nil
    ) async throws -> ConfigReader {
        let environment = environment ?? ProcessInfo.processInfo.environment
        var providers: [any ConfigProvider] = [
            InMemoryProvider(name: "command line", values: commandLineValues(overrides)),
            EnvironmentVariablesProvider(environmentVariables: environment).prefixKeys(with: "hangar"),
        ]
        if let file = try await fileProvider(overrides: overrides, environment: environment) {
            providers.append(file)
        }
        return ConfigReader(providers: providers)
    }

    /// The config file in use: `--config`, else `hangar.json` in the state directory that the command line or
    /// the environment names (the file cannot move the directory it is found in).
    static func configFilePath(
        overrides: ConfigurationOverrides, environment: [String: String]
    ) -> (path: String, required: Bool) {
        if let path = overrides.configFile { return (path, true) }
        let home =
            overrides.home ?? environment[ConfigurationKey.home.environmentVariable].flatMap { $0.isEmpty ? nil : $0 }
            ?? ServerConfiguration.defaultHome
        return (URL(fileURLWithPath: home).appendingPathComponent(defaultFileName).path, false)
    }

    private static func fileProvider(
        overrides: ConfigurationOverrides, environment: [String: String]
    ) async throws -> (any ConfigProvider)? {
        let (path, required) = configFilePath(overrides: overrides, environment: environment)
        guard FileManager.default.fileExists(atPath: path) else {
            if required { throw HangarError(.configInvalid, "the config file \(path) does not exist") }
            return nil
        }
        try ConfigurationFileCheck.check(fileAt: path)
        do {
            // `FileProvider(config:)` takes the path as a string, which spares a dependency on `SystemPackage`.
            let location = ConfigReader(
                provider: InMemoryProvider(values: ["filePath": ConfigValue(.string(path), isSecret: false)]))
            return try await FileProvider<JSONSnapshot>(config: location)
        } catch {
            throw HangarError(.configInvalid, "the config file \(path) cannot be read", underlying: error)
        }
    }

    private static func commandLineValues(_ overrides: ConfigurationOverrides) -> [AbsoluteConfigKey: ConfigValue] {
        var values: [AbsoluteConfigKey: ConfigValue] = [:]
        func set(_ key: ConfigurationKey, _ content: ConfigContent?) {
            guard let content else { return }
            values[AbsoluteConfigKey(ConfigKey(key.name))] = ConfigValue(content, isSecret: key == .databaseURL)
        }
        set(.serverHost, overrides.host.map(ConfigContent.string))
        set(.serverPort, overrides.port.map(ConfigContent.int))
        set(.databaseURL, overrides.databaseURL.map(ConfigContent.string))
        set(.home, overrides.home.map(ConfigContent.string))
        set(.logLevel, overrides.logLevel.map(ConfigContent.string))
        return values
    }
}
