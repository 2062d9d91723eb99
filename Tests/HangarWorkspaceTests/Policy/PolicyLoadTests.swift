import Foundation
import HangarCore
import HangarTesting
import HangarWorkspace
import Testing

@Suite("The state directory's policy file")
struct PolicyLoadTests {
    @Test("no file: the standard policy; a valid file replaces it; an invalid one is policy_invalid, never ignored")
    func load() async throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("hangar-policy-\(ULID())").path
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: home) }
        #expect(try ExecPolicy.load(home: home) == .standard)
        let file = URL(fileURLWithPath: home).appendingPathComponent(ExecPolicy.fileName)
        try Data(#"{"version": 1, "default": "deny", "rules": []}"#.utf8).write(to: file)
        #expect(try ExecPolicy.load(home: home).decide(PolicyRequest(argv: ["ls"])).action == .deny)
        try Data(#"{"version": 1, "default": "maybe"}"#.utf8).write(to: file)
        await expectError(.policyInvalid) { try ExecPolicy.load(home: home) }
    }
}
