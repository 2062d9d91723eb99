import HangarCore
import HangarStore
import HangarTesting
import Testing

/// Opening a PostgreSQL store that cannot be reached fails fast with a code, never a hang or a leaked secret.
@Suite("PostgreSQL reachability")
struct PostgresReachabilityTests {
    @Test func aClosedPortIsUnavailable() async throws {
        let location = try StorageLocation.parse("postgres://hangar:s3cret-password@127.0.0.1:1/hangar_test")
        let error = await expectError(.databaseUnavailable) { try await StorageFactory.open(location) }
        #expect(error?.message.contains("s3cret") == false)
    }

    @Test func wrongCredentialsAreUnavailableAndDoNotLeak() async throws {
        guard case .postgres(var location) = try StorageHarness.makeLocation(.postgres) else { return }
        location.password = "not-the-password"
        let error = await expectError(.databaseUnavailable) { try await StorageFactory.open(.postgres(location)) }
        #expect(error?.message.contains("not-the-password") == false)
    }
}
