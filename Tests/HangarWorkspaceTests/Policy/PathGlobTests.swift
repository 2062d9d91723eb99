import HangarCore
import HangarTesting
import HangarWorkspace
import Testing

@Suite("Path globs")
struct PathGlobTests {
    private func matches(_ pattern: String, _ path: String, root: String = "/workspace") throws -> Bool {
        try PathGlob(pattern).matches(path, workspaceRoot: root)
    }

    @Test("** matches any depth, including none")
    func anyDepth() throws {
        #expect(try matches("/etc/**", "/etc"))
        #expect(try matches("/etc/**", "/etc/passwd"))
        #expect(try matches("/etc/**", "/etc/ssh/sshd_config"))
        #expect(try !matches("/etc/**", "/etcetera"))
        #expect(try matches("/**", "/"))
        #expect(try matches("/a/**/z", "/a/z"))
        #expect(try matches("/a/**/z", "/a/b/c/z"))
        #expect(try !matches("/a/**/z", "/a/b/c/y"))
        #expect(try matches("/**/*.pem", "/home/dev/keys/id.pem"))
    }

    @Test("* stays within one segment")
    func star() throws {
        #expect(try matches("/tmp/*", "/tmp/x"))
        #expect(try !matches("/tmp/*", "/tmp/x/y"))
        #expect(try !matches("/tmp/*", "/tmp"))
        #expect(try matches("/dev/std*", "/dev/stdout"))
        #expect(try matches("/a/*.swift", "/a/.swift"))
        #expect(try matches("/a/*b*c", "/a/xxbyyc"))
        #expect(try !matches("/a/*b*c", "/a/xxbyy"))
    }

    @Test("? matches exactly one character")
    func questionMark() throws {
        #expect(try matches("/dev/sd?", "/dev/sda"))
        #expect(try !matches("/dev/sd?", "/dev/sd"))
        #expect(try !matches("/dev/sd?", "/dev/sdab"))
    }

    @Test("character classes, negated classes, ranges and escapes")
    func classes() throws {
        #expect(try matches("/dev/sd[ab]", "/dev/sdb"))
        #expect(try !matches("/dev/sd[ab]", "/dev/sdc"))
        #expect(try matches("/dev/sd[a-c]1", "/dev/sdc1"))
        #expect(try matches("/dev/sd[!a]", "/dev/sdz"))
        #expect(try !matches("/dev/sd[^a]", "/dev/sda"))
        #expect(try matches("/x/[]]", "/x/]"))
        #expect(try matches(#"/x/\*"#, "/x/*"))
        #expect(try !matches(#"/x/\*"#, "/x/y"))
    }

    @Test("$WORKSPACE stands for the request's workspace root")
    func workspaceVariable() throws {
        #expect(try matches("$WORKSPACE/**", "/workspace"))
        #expect(try matches("$WORKSPACE/**", "/workspace/src/a"))
        #expect(try !matches("$WORKSPACE/**", "/workspaces"))
        #expect(try matches("$WORKSPACE/src/*", "/home/w/src/a", root: "/home/w"))
        #expect(try !matches("$WORKSPACE/src/*", "/workspace/src/a", root: "/home/w"))
    }

    @Test("paths are normalized before matching")
    func normalized() throws {
        #expect(try matches("/etc/passwd", "/workspace/../etc/passwd"))
        #expect(try matches("/etc/passwd", "//etc/./passwd"))
    }

    @Test("a leading ! marks an exclusion and keeps the pattern")
    func exclusion() throws {
        let glob = try PathGlob("!/tmp/**")
        #expect(glob.isExclusion)
        #expect(glob.pattern == "!/tmp/**")
        #expect(glob.matches("/tmp/x"))
    }

    @Test(
        "rejects bad globs",
        arguments: [
            ("/etc/[ab", "bad glob \"/etc/[ab\": '[' without a matching ']'"),
            ("/etc/[]", "bad glob \"/etc/[]\": '[' without a matching ']'"),
            ("/etc/[z-a]", "bad glob \"/etc/[z-a]\": the range 'z-a' is reversed"),
            ("etc/*", "bad glob \"etc/*\": a glob must start with '/' or $WORKSPACE"),
            ("", "bad glob \"\": a glob must start with '/' or $WORKSPACE"),
            ("/a**/b", "bad glob \"/a**/b\": '**' must be a whole segment"),
            ("/a/../b", "bad glob \"/a/../b\": '.' and '..' segments are not allowed"),
            (#"/a\"#, #"bad glob "/a\\": '\' at the end of the glob"#),
            ("$WORKSPACEX/a", "bad glob \"$WORKSPACEX/a\": $WORKSPACE must be followed by '/' or end the glob"),
        ]
    )
    func rejects(_ pattern: String, _ message: String) async {
        let error = await expectError(.policyInvalid) { try PathGlob(pattern) }
        #expect(error?.message == message)
    }
}
