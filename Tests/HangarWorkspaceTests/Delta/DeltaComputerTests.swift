import Foundation
import HangarWorkspace
import Testing

@Suite("Workspace deltas on real overlay mounts")
struct DeltaComputerTests {
    @Test("A script that modifies 3 files, adds 2, deletes 1 and chmods 1 gives exactly that delta")
    func scriptDelta() throws {
        let fixture = try DeltaOverlayFixture(files: [
            "src/a.c": "int a;\n", "src/b.c": "int b;\n", "src/c.c": "int c;\n", "docs/readme.md": "# Readme\n",
            "old.txt": "old\n", "run.sh": "echo run\n", "keep.txt": "keep\n",
        ])
        defer { fixture.close() }
        try fixture.sh(
            """
            sleep 0.01
            echo 'int a2;' >> src/a.c
            printf 'int bb = 2;\\n' > src/b.c
            printf 'int C;\\n' > src/c.c
            printf 'new file\\n' > new.txt
            printf 'int d;\\n' > src/d.c
            rm old.txt
            chmod +x run.sh
            """)

        let delta = try fixture.deltaSinceCheckpoint()

        #expect(delta.added == ["new.txt", "src/d.c"])
        #expect(delta.modified == ["src/a.c", "src/b.c", "src/c.c"])
        #expect(delta.deleted == ["old.txt"])
        #expect(delta.modeChanged == ["run.sh"])
        // a.c 7+8, b.c 12, c.c 7 (same size as before: found by comparing bytes), new.txt 9, d.c 7.
        #expect(delta.bytesWritten == 15 + 12 + 7 + 9 + 7)
        #expect(delta.diff == nil)
        try fixture.expectHashesAgree()
    }

    @Test("Reading every file and opening one read-write without writing gives an empty delta")
    func readOnlyRun() throws {
        let fixture = try DeltaOverlayFixture(files: ["a.txt": "a\n", "dir/b.txt": "b\n", "dir/sub/c.txt": "c\n"])
        defer { fixture.close() }
        let before = try fixture.scanUpper()
        try fixture.sh("cat a.txt dir/b.txt dir/sub/c.txt > /dev/null; exec 3<>dir/b.txt; exec 3>&-")

        // The O_RDWR open copied the file (and its directory) up: the delta must see through that.
        #expect(try fixture.scanUpper().entries["dir/b.txt"]?.kind == .file)
        #expect(try fixture.deltaSinceCheckpoint().isEmpty)
        let perCommand = try DeltaComputer.delta(
            before: before, after: fixture.scanUpper(), lowerLayers: fixture.lowers)
        #expect(perCommand == WorkspaceDelta())
        try fixture.expectHashesAgree()
    }

    @Test("touch of a lower file changes its mtime but not its bytes: not modified")
    func touchedFileIsNotModified() throws {
        let fixture = try DeltaOverlayFixture(files: ["a.txt": "same\n"])
        defer { fixture.close() }
        try fixture.sh("touch -d '2001-01-01 00:00:00' a.txt")

        #expect(try fixture.scanUpper().entries["a.txt"]?.kind == .file)
        #expect(try fixture.deltaSinceCheckpoint() == WorkspaceDelta())
    }

    @Test("rm -rf of a lower directory lists it and its files; recreating it gives an opaque directory")
    func removeDirectory() throws {
        let fixture = try DeltaOverlayFixture(files: [
            "lib/x.c": "x\n", "lib/sub/y.c": "y\n", "lib/sub/z.c": "z\n", "main.c": "main\n",
        ])
        defer { fixture.close() }
        try fixture.sh("rm -rf lib")

        let removed = try fixture.deltaSinceCheckpoint()
        #expect(removed == WorkspaceDelta(deleted: ["lib", "lib/sub", "lib/sub/y.c", "lib/sub/z.c", "lib/x.c"]))
        try fixture.expectHashesAgree()

        let before = try fixture.scanUpper()
        try fixture.sh("mkdir lib && printf 'hello\\n' > lib/new.c")
        let after = try fixture.scanUpper()
        #expect(after.entries["lib"]?.opaque == true)

        let recreated = try fixture.deltaSinceCheckpoint()
        #expect(recreated.added == ["lib/new.c"])
        #expect(recreated.deleted == ["lib/sub", "lib/sub/y.c", "lib/sub/z.c", "lib/x.c"])
        #expect(recreated.modified.isEmpty && recreated.modeChanged.isEmpty)
        #expect(recreated.bytesWritten == 6)

        let perCommand = try DeltaComputer.delta(before: before, after: after, lowerLayers: fixture.lowers)
        #expect(perCommand == WorkspaceDelta(added: ["lib", "lib/new.c"], bytesWritten: 6))
        try fixture.expectHashesAgree()
    }

    @Test("Replacing a lower directory by a file deletes its files and modifies the path")
    func directoryReplacedByFile() throws {
        let fixture = try DeltaOverlayFixture(files: ["thing/a": "a\n", "thing/b": "b\n"])
        defer { fixture.close() }
        try fixture.sh("rm -rf thing && printf 'now a file\\n' > thing")

        let delta = try fixture.deltaSinceCheckpoint()

        #expect(delta == WorkspaceDelta(modified: ["thing"], deleted: ["thing/a", "thing/b"], bytesWritten: 11))
        try fixture.expectHashesAgree()
    }

    @Test("Symlink added, symlink retargeted, chmod +x")
    func symlinksAndModes() throws {
        let fixture = try DeltaOverlayFixture(files: ["a.txt": "a\n", "b.txt": "b\n", "tool.sh": "echo\n"])
        defer { fixture.close() }
        try fixture.sh("ln -s a.txt link")
        try fixture.freeze()
        let before = try fixture.scanUpper()
        try fixture.sh("ln -s b.txt newlink && ln -sfn b.txt link && chmod +x tool.sh")

        let delta = try DeltaComputer.delta(
            before: before, after: fixture.scanUpper(), lowerLayers: fixture.lowers)

        #expect(delta == WorkspaceDelta(added: ["newlink"], modified: ["link"], modeChanged: ["tool.sh"]))
        try fixture.expectHashesAgree()
    }
}
