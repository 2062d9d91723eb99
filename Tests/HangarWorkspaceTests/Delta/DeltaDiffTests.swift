import Foundation
import HangarWorkspace
import Testing

@Suite("Unified diffs of workspace deltas")
struct DeltaDiffTests {
    @Test("The diff of modified, added and deleted text files is exact; binary files have none")
    func unifiedDiff() throws {
        let fixture = try DeltaOverlayFixture(files: [
            "notes.txt": "one\ntwo\nthree\n", "gone.txt": "bye\n", "data.bin": "a\u{0}b\n", "same.txt": "same\n",
        ])
        defer { fixture.close() }
        try fixture.sh(
            """
            printf 'one\\n2\\nthree\\n' > notes.txt
            printf 'hello\\n' > new.txt
            rm gone.txt
            printf 'a\\000c\\n' > data.bin
            chmod 600 same.txt
            """)

        let delta = try fixture.deltaSinceCheckpoint(includeDiff: true)

        #expect(delta.modified == ["data.bin", "notes.txt"])
        #expect(delta.modeChanged == ["same.txt"])
        #expect(
            delta.diff == """
                --- a/gone.txt
                +++ /dev/null
                @@ -1 +0,0 @@
                -bye
                --- /dev/null
                +++ b/new.txt
                @@ -0,0 +1 @@
                +hello
                --- a/notes.txt
                +++ b/notes.txt
                @@ -1,3 +1,3 @@
                 one
                -two
                +2
                 three

                """)
    }

    @Test("Without includeDiff there is no diff; with it and only binary changes the diff is empty")
    func diffOnlyWhenAsked() throws {
        let fixture = try DeltaOverlayFixture(files: ["data.bin": "x\u{0}y"])
        defer { fixture.close() }
        try fixture.sh("printf 'x\\000yz' > data.bin")

        #expect(try fixture.deltaSinceCheckpoint().diff == nil)
        #expect(try fixture.deltaSinceCheckpoint(includeDiff: true).diff == "")
    }

    @Test("The delta encodes with snake_case keys")
    func jsonKeys() throws {
        let delta = WorkspaceDelta(
            added: ["a"], modified: ["b"], deleted: ["c"], modeChanged: ["d"], bytesWritten: 42, diff: "x")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]

        let json = String(decoding: try encoder.encode(delta), as: UTF8.self)

        #expect(
            json
                == #"{"added":["a"],"bytes_written":42,"deleted":["c"],"diff":"x","mode_changed":["d"],"modified":["b"]}"#
        )
        #expect(try JSONDecoder().decode(WorkspaceDelta.self, from: Data(json.utf8)) == delta)
    }
}
