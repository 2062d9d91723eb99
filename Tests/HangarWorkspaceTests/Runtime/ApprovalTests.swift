import Foundation
import HangarCore
import HangarSandbox
import HangarStore
import HangarTesting
import HangarWorkspace
import Testing

@Suite("Approvals")
struct ApprovalTests {
    static var policy: ExecPolicy {
        get throws {
            let json = #"""
                {"version": 1, "default": "allow",
                 "rules": [{"id": "touch-needs-approval", "argv0": ["touch"], "action": "require_approval",
                            "reason": "a human approves every touch"}]}
                """#
            return try ExecPolicy.parse(Data(json.utf8))
        }
    }

    @Test("require_approval → token → approved re-run executes exactly once; a reused token is refused")
    func approvedOnce() async throws {
        try await WorkspaceHarness.with(policy: try Self.policy) { harness in
            let runtime = harness.runtime
            _ = try await runtime.fork(vault: "v", as: "w")
            let request = ExecRequest(argv: ["touch", "approved"])
            let held = try await runtime.exec("w", request)
            #expect(!held.ran)
            #expect(held.decision.action == .requireApproval)
            #expect(held.decision.rule == "touch-needs-approval")
            let ticket = try #require(held.approval)
            #expect(ticket.token.hasPrefix("hap_"))
            await expectError(.fileNotFound) { try await runtime.readFile("w", path: "approved") }

            // Not approved yet: refused, nothing runs.
            var withToken = request
            withToken.approvalToken = ticket.token
            await expectError(.approvalInvalid) { try await runtime.exec("w", withToken) }
            // Approved, but for another command: refused.
            _ = try await runtime.approve(ticket.token, by: "human")
            await expectError(.approvalInvalid) {
                try await runtime.exec("w", ExecRequest(argv: ["touch", "other"], approvalToken: ticket.token))
            }
            let ran = try await runtime.exec("w", withToken)
            #expect(ran.ran && ran.exitCode == 0)
            #expect(ran.delta?.added == ["approved"])
            await expectError(.approvalUsed) { try await runtime.exec("w", withToken) }
            await expectError(.approvalUsed) { try await runtime.approve(ticket.token, by: "human") }
            await expectError(.approvalNotFound) { try await runtime.approve("hap_nope", by: "human") }
            // The token never appears in the log; its hash does.
            let events = try await runtime.storage.read(.init(after: 0, limit: 1000))
            #expect(!events.contains { $0.payload.canonicalString().contains(ticket.token) })
            #expect(events.filter { $0.kind == "approval.consumed" }.count == 1)
        }
    }
}
