import Foundation
import HangarWorkspace
import Testing

@Suite("Deltas over stacks of frozen layers")
struct DeltaLayerStackTests {
    @Test("Whiteouts in the upper of files created in a frozen layer; per-command and since-checkpoint deltas")
    func frozenLayerAndUpper() throws {
        let fixture = try DeltaOverlayFixture(files: ["a.txt": "a\n", "base/keep.txt": "keep\n"])
        defer { fixture.close() }
        try fixture.sh("printf 'one\\n' > f1.txt; printf 'two\\n' > f2.txt; mkdir d; printf 'g\\n' > d/g.txt")
        try fixture.sh("printf 'changed\\n' > a.txt")
        let base = fixture.lowers
        try fixture.freeze()
        #expect(fixture.lowers.count == 2)

        let before = try fixture.scanUpper()
        try fixture.sh("rm f1.txt; rm -rf d; printf 'three\\n' > f3.txt")
        let after = try fixture.scanUpper()
        #expect(after.entries["f1.txt"]?.kind == .whiteout)

        let perCommand = try DeltaComputer.delta(before: before, after: after, lowerLayers: fixture.lowers)
        #expect(perCommand == WorkspaceDelta(added: ["f3.txt"], deleted: ["d", "d/g.txt", "f1.txt"], bytesWritten: 6))

        // Since the last checkpoint (the frozen layer): the upper was empty before the command.
        let sinceLast = try fixture.deltaSinceCheckpoint()
        #expect(sinceLast == perCommand)

        // Since the base: f1.txt and d were created and deleted above it, so they do not appear; the whiteouts
        // of paths that never existed in the base are not reported.
        let sinceBase = try DeltaComputer.delta(
            before: .empty, after: LayerScanner.scan(layers: [fixture.upper, fixture.lowers[0]]), lowerLayers: base)
        #expect(sinceBase == WorkspaceDelta(added: ["f2.txt", "f3.txt"], modified: ["a.txt"], bytesWritten: 18))
        try fixture.expectHashesAgree()
    }

    @Test("A file already in the upper, rewritten in place, replaced by rename, or touched, is modified")
    func upperFileRewritten() throws {
        let fixture = try DeltaOverlayFixture(files: ["x.txt": "base\n"])
        defer { fixture.close() }
        try fixture.sh(
            "printf 'aaaa\\n' > in-place.txt; printf 'bbbb\\n' > renamed.txt; printf 'cccc\\n' > touched.txt")
        try fixture.sh("printf 'left\\n' > x.txt")
        let before = try fixture.scanUpper()
        // Same sizes throughout: only mtimes and inodes tell the changes apart.
        try fixture.sh(
            """
            sleep 0.01
            printf 'AAAA\\n' > in-place.txt
            printf 'BBBB\\n' > tmp && mv tmp renamed.txt
            touch touched.txt
            printf 'LEFT\\n' > x.txt
            """)

        let delta = try DeltaComputer.delta(before: before, after: fixture.scanUpper(), lowerLayers: fixture.lowers)

        #expect(delta.modified == ["in-place.txt", "renamed.txt", "touched.txt", "x.txt"])
        #expect(delta.added.isEmpty && delta.deleted.isEmpty && delta.modeChanged.isEmpty)
        #expect(delta.bytesWritten == 20)
    }

    @Test("The merged scan honours whiteouts and opaque directories between scanned layers")
    func mergedScan() throws {
        let fixture = try DeltaOverlayFixture(files: ["keep.txt": "k\n"])
        defer { fixture.close() }
        try fixture.sh("mkdir -p d/sub && printf '1\\n' > d/one && printf '2\\n' > d/sub/two && printf 'w\\n' > w.txt")
        try fixture.freeze()
        try fixture.sh("rm -rf d && mkdir d && printf 'n\\n' > d/new && rm w.txt")

        let scan = try LayerScanner.scan(layers: [fixture.upper, fixture.lowers[0]])

        #expect(scan.entries.keys.sorted() == ["d", "d/new", "w.txt"])
        #expect(scan.entries["d"]?.opaque == true)
        #expect(scan.entries["w.txt"]?.kind == .whiteout)
        #expect(scan.entries["d/new"]?.sourcePath == fixture.upper + "/d/new")
        try fixture.expectHashesAgree()
    }
}
