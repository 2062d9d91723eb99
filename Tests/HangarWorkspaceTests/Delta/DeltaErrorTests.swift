import Foundation
import HangarCore
import HangarTesting
import HangarWorkspace
import Testing

@Suite("Delta input errors")
struct DeltaErrorTests {
    @Test("A delta over a missing lower layer fails with layer_unreadable instead of reporting everything added")
    func missingLowerLayer() async throws {
        let fixture = try DeltaOverlayFixture(files: ["a.txt": "a\n"])
        defer { fixture.close() }
        try fixture.sh("printf 'b\\n' > b.txt")
        let missing = fixture.lowers[0] + "-missing"

        let error = await expectError(.layerUnreadable) {
            try DeltaComputer.delta(before: .empty, after: fixture.scanUpper(), lowerLayers: [missing])
        }

        #expect(error?.message == "workspace layer 1 of 1 is missing or not a directory")
        #expect(try fixture.deltaSinceCheckpoint() == WorkspaceDelta(added: ["b.txt"], bytesWritten: 2))
    }
}
