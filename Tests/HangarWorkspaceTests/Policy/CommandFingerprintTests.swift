import HangarSandbox
import HangarWorkspace
import Testing

@Suite("Command fingerprints")
struct CommandFingerprintTests {
    private static func fingerprint(
        workspace: String = "ws_1",
        argv: [String] = ["git", "push"],
        directory: String = "/workspace",
        environment: [String: String] = ["A": "1", "B": "2"],
        network: NetworkMode = .none
    ) -> CommandFingerprint {
        CommandFingerprint(
            workspaceID: workspace, argv: argv, workingDirectory: directory, environment: environment, network: network)
    }

    @Test("is a stable SHA-256 in lowercase hex")
    func stable() {
        let first = Self.fingerprint()
        #expect(first == Self.fingerprint())
        #expect(first.hex.count == 64)
        #expect(first.hex.allSatisfy { "0123456789abcdef".contains($0) })
        #expect(first.description == first.hex)
    }

    @Test("does not depend on the order environment overrides were given in")
    func environmentOrder() {
        var reordered: [String: String] = [:]
        reordered["B"] = "2"
        reordered["A"] = "1"
        #expect(Self.fingerprint(environment: reordered) == Self.fingerprint())
    }

    @Test("differs when any bound field differs")
    func boundFields() {
        let base = Self.fingerprint()
        let variants = [
            Self.fingerprint(workspace: "ws_2"),
            Self.fingerprint(argv: ["git", "push", "--force"]),
            Self.fingerprint(argv: ["git", "Push"]),
            Self.fingerprint(directory: "/workspace/src"),
            Self.fingerprint(environment: ["A": "1"]),
            Self.fingerprint(environment: ["A": "1", "B": "3"]),
            Self.fingerprint(environment: ["A": "1", "C": "2"]),
            Self.fingerprint(network: .host),
        ]
        for variant in variants {
            #expect(variant != base)
        }
        #expect(Set(variants.map(\.hex)).count == variants.count)
    }

    @Test("is length-prefixed, so argument boundaries matter")
    func boundaries() {
        #expect(Self.fingerprint(argv: ["a b"]) != Self.fingerprint(argv: ["a", "b"]))
        #expect(Self.fingerprint(argv: ["ab", "c"]) != Self.fingerprint(argv: ["a", "bc"]))
        #expect(Self.fingerprint(argv: ["a", ""]) != Self.fingerprint(argv: ["a"]))
        #expect(Self.fingerprint(environment: ["A": "1B=2"]) != Self.fingerprint(environment: ["A": "1", "B": "2"]))
        #expect(Self.fingerprint(workspace: "w", directory: "/x") != Self.fingerprint(workspace: "w/x", directory: ""))
    }

    @Test("binds a policy request's fields")
    func request() {
        let request = PolicyRequest(argv: ["git", "push"], workingDirectory: "/workspace", network: .none)
        let fromRequest = CommandFingerprint(workspaceID: "ws_1", request: request, environment: ["A": "1", "B": "2"])
        #expect(fromRequest == Self.fingerprint())
    }
}
