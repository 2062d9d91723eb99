import Foundation
import HangarCore
public import HangarStore

/// Finds the built `hangar` executable for tests that run it: `HANGAR_BIN`, else the build directory the
/// test bundle runs from (SwiftPM puts products and test bundles side by side).
public enum HangarBinary {
    public static func path() throws -> String {
        let environment = ProcessInfo.processInfo.environment
        if let path = environment["HANGAR_BIN"], FileManager.default.isExecutableFile(atPath: path) { return path }
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("hangar").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            directory.deleteLastPathComponent()
        }
        throw HangarError(.notFound, "the hangar binary was not found: build it first or set HANGAR_BIN")
    }
}

extension StorageLocation {
    /// The URL to hand a child process, password included (tests only).
    public var urlWithSecrets: String {
        switch self {
        case .sqlite(let path): return "sqlite://\(path)"
        case .postgres(let location):
            let credentials = location.password.map { "\(location.username):\($0)" } ?? location.username
            let schema = location.schema.map { "?schema=\($0)" } ?? ""
            return "postgres://\(credentials)@\(location.host):\(location.port)/\(location.database)\(schema)"
        }
    }
}
