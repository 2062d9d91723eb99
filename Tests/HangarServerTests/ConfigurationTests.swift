import Foundation
import HangarCore
import HangarServer
import HangarStore
import HangarTesting
import Logging
import Testing

@Suite("Configuration")
struct ConfigurationTests {
    /// A temporary state directory holding `hangar.json` with `contents`.
    static func withHome<T>(config contents: String?, _ body: (String) async throws -> T) async throws -> T {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("hangar-config-\(ULID())").path
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: home) }
        if let contents {
            try Data(contents.utf8).write(to: URL(fileURLWithPath: home).appendingPathComponent("hangar.json"))
        }
        return try await body(home)
    }

    @Test func defaults() async throws {
        #expect(ServerConfiguration().home == "./.hangar")
        try await Self.withHome(config: nil) { home in
            let configuration = try await ServerConfiguration.load(environment: ["HANGAR_HOME": home])
            let expected = ServerConfiguration(
                host: "127.0.0.1", port: 8080, databaseURL: nil, home: home, logLevel: .info)
            #expect(configuration == expected)
            #expect(try configuration.storageLocation() == .sqlite(path: home + "/hangar.sqlite"))
        }
    }

    @Test func commandLineBeatsEnvironmentBeatsFileBeatsDefaults() async throws {
        let file = #"{"server":{"host":"10.1.1.1","port":1111},"log":{"level":"debug"}}"#
        try await Self.withHome(config: file) { home in
            let environment = ["HANGAR_HOME": home, "HANGAR_SERVER_PORT": "2222", "HANGAR_LOG_LEVEL": "warning"]

            let fromFile = try await ServerConfiguration.load(environment: ["HANGAR_HOME": home])
            #expect(fromFile.port == 1111)
            #expect(fromFile.host == "10.1.1.1")
            #expect(fromFile.logLevel == .debug)
            #expect(fromFile.home == home)

            let fromEnvironment = try await ServerConfiguration.load(environment: environment)
            #expect(fromEnvironment.port == 2222)
            #expect(fromEnvironment.host == "10.1.1.1")
            #expect(fromEnvironment.logLevel == .warning)

            let fromCommandLine = try await ServerConfiguration.load(
                overrides: ConfigurationOverrides(host: "127.0.0.2", port: 3333), environment: environment)
            #expect(fromCommandLine.port == 3333)
            #expect(fromCommandLine.host == "127.0.0.2")
            #expect(fromCommandLine.logLevel == .warning)
        }
    }

    @Test func explicitConfigFileIsRead() async throws {
        let file = #"{"server":{"port":4444},"database":{"url":"sqlite:///tmp/x.sqlite"}}"#
        try await Self.withHome(config: file) { home in
            let path = URL(fileURLWithPath: home).appendingPathComponent("hangar.json").path
            let configuration = try await ServerConfiguration.load(
                overrides: ConfigurationOverrides(configFile: path), environment: [:])
            #expect(configuration.port == 4444)
            #expect(configuration.databaseURL == "sqlite:///tmp/x.sqlite")
            #expect(try configuration.storageLocation() == .sqlite(path: "/tmp/x.sqlite"))
        }
    }

    @Test(arguments: [
        (#"{"server":{"prot":8080}}"#, "server.prot"),
        (#"{"sever":{"port":8080}}"#, "sever"),
        (#"{"port":8080}"#, "port"),
        (#"{"server":{"port":8080},"extra":true}"#, "extra"),
        (#"{"database":{"url":"sqlite:///x","pool":{"size":3}}}"#, "database.pool"),
    ])
    func unknownKeysInTheFileFailWithTheirName(file: String, key: String) async throws {
        try await Self.withHome(config: file) { home in
            let error = await #expect(throws: HangarError.self) {
                try await ServerConfiguration.load(environment: ["HANGAR_HOME": home])
            }
            #expect(error?.code == .configUnknownKey)
            #expect(error?.message.contains("'\(key)'") == true)
            #expect(error?.code.family.exitCode == 10)
        }
    }

    @Test(arguments: [
        #"{"server":{"port":"8080"}}"#,
        #"{"server":{"port":99999}}"#,
        #"{"server":{"host":1}}"#,
        #"{"server":3}"#,
        #"{"log":{"level":"loud"}}"#,
        #"[1,2]"#,
        #"{"server":"#,
    ])
    func invalidFileValuesFail(file: String) async throws {
        try await Self.withHome(config: file) { home in
            let error = await #expect(throws: HangarError.self) {
                try await ServerConfiguration.load(environment: ["HANGAR_HOME": home])
            }
            #expect(error?.code == .configInvalid)
        }
    }

    @Test(arguments: [
        (["HANGAR_SERVER_PORT": "99999"], "config_invalid"),
        (["HANGAR_SERVER_PORT": "abc"], "config_invalid"),
        (["HANGAR_SERVER_PORT": "-1"], "config_invalid"),
        (["HANGAR_LOG_LEVEL": "chatty"], "config_invalid"),
        (["HANGAR_DATABASE_URL": "mysql://nope"], "database_url_invalid"),
        (["HANGAR_DATABASE_URL": "sqlite://relative/path"], "database_url_invalid"),
    ])
    func invalidEnvironmentValuesFail(environment: [String: String], code: String) async throws {
        let error = await #expect(throws: HangarError.self) {
            try await ServerConfiguration.load(environment: environment)
        }
        #expect(error?.code.rawValue == code)
        #expect(error?.code.family.exitCode == 10)
    }

    @Test func portOutOfRangeOnTheCommandLineFails() async throws {
        let error = await #expect(throws: HangarError.self) {
            try await ServerConfiguration.load(overrides: ConfigurationOverrides(port: 99999), environment: [:])
        }
        #expect(error?.code == .configInvalid)
    }

    @Test func missingExplicitConfigFileFails() async throws {
        let error = await #expect(throws: HangarError.self) {
            try await ServerConfiguration.load(
                overrides: ConfigurationOverrides(configFile: "/nonexistent/hangar.json"), environment: [:])
        }
        #expect(error?.code == .configInvalid)
    }

    @Test func portZeroIsAllowed() async throws {
        let configuration = try await ServerConfiguration.load(
            overrides: ConfigurationOverrides(port: 0), environment: [:])
        #expect(configuration.port == 0)
    }
}
