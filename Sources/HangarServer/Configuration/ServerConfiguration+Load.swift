extension ServerConfiguration {
    /// Reads the configuration from the command line's `overrides`, then the environment (`HANGAR_…`), then the
    /// config file, then the defaults, and validates it.
    public static func load(
        overrides: ConfigurationOverrides = ConfigurationOverrides(),
        environment: [String: String]? = nil
    ) async throws -> ServerConfiguration {
        let reader = try await ConfigurationLoader.reader(overrides: overrides, environment: environment)
        return try ServerConfiguration(reader: reader)
    }
}
