import Configuration
import HangarCore

extension ConfigReader {
    // swift-configuration's getters return nil both for a missing key and for a value of the wrong type
    // (HANGAR_SERVER_PORT=abc); these tell the two apart, so a bad value fails at start instead of falling back
    // to a default.

    func strictString(_ key: ConfigurationKey) throws -> String? {
        string(forKey: ConfigKey(key.name), isSecret: key == .databaseURL)
    }

    func strictInt(_ key: ConfigurationKey) throws -> Int? {
        let configKey = ConfigKey(key.name)
        if let value = int(forKey: configKey) { return value }
        if string(forKey: configKey) != nil {
            throw HangarError(.configInvalid, "\(key.name) (\(key.environmentVariable)) must be an integer")
        }
        return nil
    }
}
