import HangarCore
import HangarStore
import HangarTesting
import Testing

@Suite("Database URLs")
struct StorageLocationTests {
    @Test func defaultsToSQLiteInTheStateDirectory() throws {
        #expect(
            try StorageLocation.resolve(databaseURL: nil, home: "/var/hangar")
                == .sqlite(path: "/var/hangar/hangar.sqlite"))
        #expect(try StorageLocation.resolve(databaseURL: "", home: "/x") == .sqlite(path: "/x/hangar.sqlite"))
    }

    @Test func parsesSQLiteAndPostgres() throws {
        #expect(try StorageLocation.parse("sqlite:///tmp/a.sqlite") == .sqlite(path: "/tmp/a.sqlite"))
        let location = try StorageLocation.parse("postgres://bob:s3cret@db.local:6543/hangar?schema=tenant_1")
        #expect(
            location
                == .postgres(
                    PostgresLocation(
                        host: "db.local", port: 6543, username: "bob", password: "s3cret", database: "hangar",
                        schema: "tenant_1")))
        #expect(!location.description.contains("s3cret"))
    }

    @Test(arguments: [
        "mysql://x/y", "sqlite://relative.db", "sqlite:///", "postgres://", "postgres://host", "postgres://host/",
        "postgres://host:70000/db", "postgres://host/db?schema=Robert');DROP", "not a url",
    ])
    func refusesBadURLs(_ url: String) async {
        await expectError(.databaseURLInvalid) { try StorageLocation.parse(url) }
    }
}
