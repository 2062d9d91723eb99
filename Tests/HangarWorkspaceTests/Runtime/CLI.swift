import Foundation
import HangarCore
import HangarTesting

/// Runs the built `hangar` binary with a state directory of its own, as a user would.
struct CLI {
    let home: String
    let binary: String

    init(home: String) throws {
        self.home = home
        binary = try HangarBinary.path()
    }

    var environment: [String: String] { ["HANGAR_HOME": home, "PATH": "/usr/bin:/bin", "USER": "tester"] }

    /// Exit status, stdout and stderr of one command.
    func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.environment = environment
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (
            process.terminationStatus, String(decoding: outData, as: UTF8.self),
            String(decoding: errData, as: UTF8.self)
        )
    }
}
