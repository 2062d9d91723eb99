import Foundation
import GRDB
import HangarCore
import HangarTesting

/// Runs the built `hangar` binary on a fixture operator database, with a state directory of its own, as an
/// operator would: `hangar data …` with `--policy` and `--database` filled in.
struct DataCLI {
    let root: String
    let binary: String

    var home: String { root + "/home" }
    var database: String { root + "/app.sqlite" }
    var policy: String { root + "/policy.json" }

    /// A fresh directory holding the fixture database and `policy` (when given) as the policy file.
    init(policy: String? = nil) throws {
        root =
            FileManager.default.temporaryDirectory
            .appendingPathComponent("hangar-data-cli-\(ULID().description.lowercased())").path
        binary = try HangarBinary.path()
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        let queue = try DatabaseQueue(path: database)
        try queue.write { db in
            for statement in Self.fixture { try db.execute(sql: statement) }
        }
        try queue.close()
        if let policy { try Data(policy.utf8).write(to: URL(fileURLWithPath: self.policy)) }
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: root)
    }

    /// `users` of two tenants (with a password hash and an SSN), and `notes` of two owners.
    static let fixture = [
        """
        CREATE TABLE users (id INTEGER PRIMARY KEY, tenant_id TEXT NOT NULL, name TEXT NOT NULL, email TEXT,
          ssn TEXT, password_hash TEXT, age INTEGER, status TEXT)
        """,
        "CREATE TABLE notes (id INTEGER PRIMARY KEY, tenant_id TEXT NOT NULL, owner TEXT NOT NULL, body TEXT)",
        """
        INSERT INTO users VALUES (1, 'acme', 'Ada', 'ada@acme.test', '123-45-6789', 'pbkdf2$a', 36, 'active'),
          (2, 'acme', 'Bob', 'bob@acme.test', '987-65-4321', 'pbkdf2$b', 41, 'inactive'),
          (3, 'globex', 'Eve', 'eve@globex.test', '555-55-5555', 'pbkdf2$e', 29, 'active')
        """,
        "INSERT INTO notes VALUES (1, 'acme', 'agent-1', 'first'), (2, 'acme', 'agent-2', 'other')",
    ]

    /// `hangar data SUBCOMMAND ARGUMENTS… --policy P --database D` for the subcommands that take them.
    func data(_ arguments: [String], stdin: String? = nil) throws -> (status: Int32, stdout: String, stderr: String) {
        try run(["data"] + arguments + ["--policy", policy, "--database", database], stdin: stdin)
    }

    /// Exit status, stdout and stderr of one command.
    func run(_ arguments: [String], stdin: String? = nil) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.environment = ["HANGAR_HOME": home, "PATH": "/usr/bin:/bin", "USER": "tester"]
        let input = Pipe()
        let output = Pipe()
        let error = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = error
        try process.run()
        input.fileHandleForWriting.write(Data((stdin ?? "").utf8))
        try input.fileHandleForWriting.close()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (
            process.terminationStatus, String(decoding: outData, as: UTF8.self),
            String(decoding: errData, as: UTF8.self)
        )
    }

    /// One text value of the fixture database, read directly (not through Hangar).
    func value(_ sql: String) throws -> String? {
        let queue = try DatabaseQueue(path: database)
        defer { try? queue.close() }
        return try queue.read { try String.fetchOne($0, sql: sql) }
    }

    /// Runs `sql` on the fixture database directly, as someone other than Hangar.
    func execute(_ sql: String) throws {
        let queue = try DatabaseQueue(path: database)
        defer { try? queue.close() }
        try queue.write { try $0.execute(sql: sql) }
    }
}
