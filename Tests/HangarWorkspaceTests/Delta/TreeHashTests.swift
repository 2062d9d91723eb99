import Foundation
import HangarCore
import HangarTesting
import HangarWorkspace
import Testing

@Suite("Tree hashes of directories and layer stacks")
struct TreeHashTests {
    @Test("A one-byte change changes the hash; a new mtime does not; layers and the mount always agree")
    func oneByteChange() throws {
        let fixture = try DeltaOverlayFixture(files: ["a.txt": "abcdef\n", "dir/b.txt": "b\n"])
        defer { fixture.close() }
        let original = try fixture.expectHashesAgree()

        try fixture.sh("touch -d '2001-01-01 00:00:00' a.txt dir/b.txt")
        #expect(try fixture.expectHashesAgree() == original)

        try fixture.sh("printf 'abcdeF\\n' > a.txt")
        let changed = try fixture.expectHashesAgree()
        #expect(changed != original)

        try fixture.sh("printf 'abcdef\\n' > a.txt")
        #expect(try fixture.expectHashesAgree() == original)

        try fixture.sh("chmod 600 a.txt")
        #expect(try fixture.expectHashesAgree() != original)
    }

    @Test("The hash of a plain directory is stable and covers paths, modes, contents and link targets")
    func plainDirectory() throws {
        let fixture = try DeltaOverlayFixture(files: ["a": "1", "d/b": "2"])
        defer { fixture.close() }
        let base = fixture.lowers[0]
        let first = try TreeHash.directory(base)
        #expect(first.count == 64)
        #expect(try TreeHash.directory(base) == first)
        #expect(try TreeHash.layers([base]) == first)

        try FileManager.default.createSymbolicLink(atPath: base + "/link", withDestinationPath: "a")
        let withLink = try TreeHash.directory(base)
        #expect(withLink != first)
        try FileManager.default.removeItem(atPath: base + "/link")
        try FileManager.default.createSymbolicLink(atPath: base + "/link", withDestinationPath: "d/b")
        #expect(try TreeHash.directory(base) != withLink)
    }

    @Test("Hashing or scanning a missing layer fails with layer_unreadable and no host path in the message")
    func missingLayer() async throws {
        let missing = "/tmp/hangar-delta-missing-\(UInt64.random(in: 0...UInt64.max))"

        let errors = [
            await expectError(.layerUnreadable) { try TreeHash.directory(missing) },
            await expectError(.layerUnreadable) { try TreeHash.layers([missing]) },
            await expectError(.layerUnreadable) { try LayerScanner.scan(layers: [missing]) },
        ]

        for error in errors {
            let error = try #require(error)
            #expect(error.code.family == .storage)
            #expect(!error.message.contains("/tmp"))
        }
    }
}
