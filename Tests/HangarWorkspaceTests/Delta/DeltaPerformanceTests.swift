import Foundation
import HangarWorkspace
import Testing

@Suite("Deltas in a large tree")
struct DeltaPerformanceTests {
    /// The timing figure (≤ 10 ms) is measured by the `workspace.delta.170changes` benchmark in Benchmarks/, not
    /// here: a wall-clock bound in a debug build on a shared CI machine would flake.
    @Test("170 changes in a 10,000-file tree give exactly those 170 entries")
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

        let scan = try fixture.scanUpper()
        // Only the changed files and their directories are in the upper: the walk never sees the other 9,830.
        #expect(scan.entries.count <= 170 + 100)
        let delta = try DeltaComputer.delta(before: .empty, after: scan, lowerLayers: fixture.lowers)

        #expect(delta.modified.count == 100)
        #expect(delta.added.count == 50)
        #expect(delta.deleted.count == 20)
    }
}
