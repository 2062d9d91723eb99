import HangarStore
import HangarTesting
import Testing

/// Every store check, on SQLite and on PostgreSQL.
@Suite("Store conformance")
struct ConformanceTests {
    @Test(arguments: StoreConformance.checks, StorageKind.allCases)
    func conformance(_ check: StoreConformance.Check, kind: StorageKind) async throws {
        try await StoreConformance.run(check, on: kind)
    }
}
