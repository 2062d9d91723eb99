import Foundation
import GRDB
import HangarCore
import HangarTesting
import Testing

@testable import HangarStore

/// What the embedded adapter does with files that are not a healthy Hangar database.
@Suite("SQLite files")
struct SQLiteFileTests {
    @Test func aCorruptFileIsRefusedAndLeftAlone() async throws {
        let path = try temporaryPath()
        let garbage = Data((0..<8192).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
        try garbage.write(to: URL(fileURLWithPath: path))
        await expectError(.databaseCorrupt) { try await StorageFactory.open(.sqlite(path: path)) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == garbage)
    }

    @Test func anotherApplicationsDatabaseIsRefusedAndLeftAlone() async throws {
        let path = try temporaryPath()
        try runSQLite(
            path,
            "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers (name) VALUES ('ada');")
        await expectError(.databaseForeign) { try await StorageFactory.open(.sqlite(path: path)) }
        #expect(try runSQLite(path, "SELECT name FROM customers;") == "ada")
    }

    @Test func eventsSurviveReopening() async throws {
        let path = try temporaryPath()
        let first = try await StorageFactory.open(.sqlite(path: path))
        try await first.append((1...10).map { EventDraft.sample($0) })
        try await first.close()
        let second = try await StorageFactory.open(.sqlite(path: path))
        #expect(try await second.head() == 10)
        #expect(try await second.append(.sample(11)).seq == 11)
        try await second.close()
    }

    @Test func aNewerSchemaIsRefused() async throws {
        let path = try temporaryPath()
        let storage = try await StorageFactory.open(.sqlite(path: path))
        try await storage.append(.sample(1))
        try await storage.close()
        try runSQLite(path, "INSERT INTO grdb_migrations (identifier) VALUES ('v99_from_the_future');")
        await expectError(.schemaTooNew) { try await StorageFactory.open(.sqlite(path: path)) }
        let reopened = try await StorageFactory.open(.sqlite(path: path), migrate: false)
        #expect(try await reopened.head() == 1)
        try await reopened.close()
    }

    private func temporaryPath() throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hangar-file-\(ULID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory.appendingPathComponent("hangar.sqlite").path
    }

    /// Uses the `sqlite3` shell (installed with libsqlite3 by scripts/test) to touch the file from outside.
    @discardableResult
    private func runSQLite(_ path: String, _ sql: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [path, sql]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

@Suite("SQLite durability")
struct SQLiteDurabilityTests {
    /// GRDB turns WAL writers to `synchronous=NORMAL`; Hangar acknowledges appends only once they are on
    /// disk, which needs FULL on the connection that commits.
    @Test func theWriterCommitsWithSynchronousFull() async throws {
        let location = try StorageHarness.makeLocation(.sqlite)
        guard case .sqlite(let path) = location else { return }
        let storage = try SQLiteStorage(path: path)
        let mode = try await storage.pool.writeWithoutTransaction { db in
            try Int.fetchOne(db, sql: "PRAGMA synchronous")
        }
        #expect(mode == 2)
        try await storage.close()
        try await StorageHarness.dispose(location)
    }
}
