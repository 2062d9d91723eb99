import Foundation
import HangarWorkspace
import Testing

@Suite("Delta cost grows with the change, not the tree")
struct DeltaPerformanceTests {
    @Test("Scan and delta after 170 changes in a 10,000-file tree take at most 10 ms")
    func changesInLargeTree() throws {
        var files: [String: String] = [:]
        for directory in 0..<100 {
            for file in 0..<100 {
                files["pkg\(directory)/file\(file).txt"] = "content of \(directory)/\(file)\n"
            }
        }
        let fixture = try DeltaOverlayFixture(files: files, tmpfs: true)
        defer { fixture.close() }
        // 100 files modified (one per directory), 50 added, 20 deleted: 170 changes.
        try fixture.sh(
            """
            sleep 0.01
            for d in $(seq 0 99); do echo more >> pkg$d/file7.txt; done
            for n in $(seq 0 49); do echo new > pkg$n/added$n.txt; done
            for d in $(seq 0 19); do rm pkg$d/file3.txt; done
            """)

        var best = Duration.seconds(1)
        var delta = WorkspaceDelta()
        for _ in 0..<5 {
            let start = ContinuousClock.now
            delta = try DeltaComputer.delta(before: .empty, after: fixture.scanUpper(), lowerLayers: fixture.lowers)
            best = min(best, ContinuousClock.now - start)
        }

        #expect(delta.modified.count == 100)
        #expect(delta.added.count == 50)
        #expect(delta.deleted.count == 20)
        #expect(best <= .milliseconds(10), "best of 5 runs took \(best)")
    }
}
