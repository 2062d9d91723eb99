import HangarWorkspace
import Testing

@Suite("Lexical path resolution")
struct LexicalPathTests {
    @Test(
        "resolves against the base without touching the disk",
        arguments: [
            ("../../etc/passwd", "/workspace/src", "/etc/passwd"),
            ("./a/./b/", "/workspace", "/workspace/a/b"),
            ("a//b", "/workspace", "/workspace/a/b"),
            ("/etc/../usr/bin", "/workspace", "/usr/bin"),
            ("..", "/workspace", "/"),
            ("../../../..", "/workspace/src", "/"),
            ("/../../x", "/workspace", "/x"),
            (".", "/workspace/src", "/workspace/src"),
            ("", "/workspace/src", "/workspace/src"),
            ("x", "relative/base", "/relative/base/x"),
            ("/", "/workspace", "/"),
        ]
    )
    func resolves(_ path: String, _ base: String, _ expected: String) {
        #expect(LexicalPath.resolve(path, against: base) == expected)
    }
}
