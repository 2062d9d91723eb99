import HangarCore
import HangarData
import HangarStore
import HangarTesting
import Testing

/// Reasons, approvals and rate limits, end to end.
@Suite struct RuntimeApprovalTests {
    @Test(arguments: SQLDialect.allCases)
    func anApprovedWriteRunsExactlyOnceAsItsPrincipal(_ dialect: SQLDialect) async throws {
        try await RuntimeFixture.with(dialect) { context in
            let count = "SELECT COUNT(*) FROM notes"
            await expectError(.reasonRequired) {
                try await context.runtime.call(
                    .create, arguments: ["model": "notes", "data": ["title": "t"]], as: RuntimeFixture.acme)
            }
            let held = await expectError(.dataApprovalRequired) {
                try await context.runtime.call(
                    .create, arguments: ["model": "notes", "data": ["title": "held"], "reason": "ticket 7"],
                    as: RuntimeFixture.acme)
            }
            let id = try #require(held?.details["approval_id"]?.stringValue)
            #expect(try await context.raw(count) == [[.integer(2)]])

            let result = try await context.runtime.approve(id, by: "alice")
            #expect(result["affected"] == 1)
            #expect(
                try await context.raw("SELECT tenant_id, owner_id FROM notes WHERE title = 'held'")
                    == [[.text("acme"), .text("agent-1")]])
            await expectError(.dataApprovalUsed) { try await context.runtime.approve(id, by: "alice") }
            await expectError(.notFound) { try await context.runtime.approve("dap_nope", by: "alice") }
            #expect(try await context.raw(count) == [[.integer(3)]])

            let audit = try await context.audit()
            #expect(audit.map { $0.payload["decision"] ?? .null } == ["refused", "approval_required", "allowed"])
            #expect(audit[2].payload["approval_id"] == .string(id))
            #expect(audit[2].payload["approver"] == "alice")
            #expect(audit[2].payload["reason"] == "ticket 7")
        }
    }

    @Test(arguments: SQLDialect.allCases)
    func aBurstOverTheRateLimitIsRefusedWithRetryAfter(_ dialect: SQLDialect) async throws {
        try await RuntimeFixture.with(dialect) { context in
            let arguments: JSONValue = ["model": "notes", "select": ["title"]]
            for _ in 0..<5 { _ = try await context.runtime.call(.query, arguments: arguments, as: RuntimeFixture.acme) }
            let error = await expectError(.rateLimited) {
                try await context.runtime.call(.query, arguments: arguments, as: RuntimeFixture.acme)
            }
            let retry = try #require(error?.details["retry_after_seconds"]?.intValue)
            #expect((1...60).contains(retry))
            // Another principal has its own allowance, and the limited one still reads other models.
            _ = try await context.runtime.call(.query, arguments: arguments, as: RuntimeFixture.globex)
            _ = try await context.runtime.call(.get, arguments: ["model": "users", "id": 1], as: RuntimeFixture.acme)
        }
    }
}
