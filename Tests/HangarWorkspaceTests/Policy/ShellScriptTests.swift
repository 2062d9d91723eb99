import Testing

@testable import HangarWorkspace

@Suite("Splitting inline shell scripts")
struct ShellScriptTests {
    @Test("splits on ;, &&, ||, |, & and newlines")
    func operators() {
        let script = ShellScript(parsing: "a 1; b 2 && c || d | e & f\ng |& h")
        #expect(script.commands == [["a", "1"], ["b", "2"], ["c"], ["d"], ["e"], ["f"], ["g"], ["h"]])
        #expect(!script.isOpaque)
    }

    @Test("applies single quotes, double quotes and backslashes")
    func quoting() {
        let script = ShellScript(parsing: #"echo 'a; b' "c && d" e\ f "g\"h" '' x"#)
        #expect(script.commands == [["echo", "a; b", "c && d", "e f", "g\"h", "", "x"]])
        #expect(!script.isOpaque)
    }

    @Test("takes redirections out of the arguments; each written file becomes a tee command")
    func redirections() {
        let script = ShellScript(parsing: "make >build.log 2>&1; cat < in > out; cmd &>> all; x 2>/dev/null; y>&2")
        #expect(
            script.commands == [
                ["make"], ["tee", "--", "build.log"], ["cat"], ["tee", "--", "out"], ["cmd"], ["tee", "--", "all"],
                ["x"], ["tee", "--", "/dev/null"], ["y"],
            ])
    }

    @Test("strips assignments, comments and control keywords")
    func keywords() {
        let script = ShellScript(parsing: "# setup\nFOO=1 BAR=2 make # build\nif true; then sudo id; fi\n{ ls; }")
        #expect(script.commands == [["make"], ["true"], ["sudo", "id"], ["ls"]])
        #expect(!script.isOpaque)
    }

    @Test(
        "marks what it cannot follow as opaque",
        arguments: [
            "echo $(id)", "echo `id`", "echo $HOME", "echo \"$HOME\"", "(cd x; ls)", "cat <<EOF\nsudo\nEOF",
            "for f in a; do rm $f; done", "echo 'unterminated", "diff <(ls) x", "f() { ls; }",
        ]
    )
    func opaque(_ text: String) {
        #expect(ShellScript(parsing: text).isOpaque)
    }

    @Test("stops at a here-document: its body is data")
    func hereDocument() {
        let script = ShellScript(parsing: "cat <<EOF\nsudo id\nEOF")
        #expect(script.commands == [["cat"]])
    }
}
