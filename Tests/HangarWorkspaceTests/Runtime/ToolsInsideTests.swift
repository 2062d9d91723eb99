import Foundation
import HangarCore
import HangarSandbox
import HangarStore
import HangarTesting
import HangarWorkspace
import Testing

@Suite("Everyday tools work inside a workspace")
struct ToolsInsideTests {
    @Test("git, symlinks, chmod +x, mkdir and mv, python3 -m venv")
    func everydayTools() async throws {
        try await WorkspaceHarness.with { harness in
            _ = try await harness.runtime.fork(vault: "v", as: "w")
            let steps = [
                "git init -q && git add -A && git -c user.email=a@example.com -c user.name=agent commit -qm m"
                    + " && git log --oneline | wc -l",
                "ln -s src/main.c link && cat link",
                "printf '#!/bin/sh\\necho ran\\n' > run.sh && chmod +x run.sh && ./run.sh",
                "mkdir d && mv d e && test -d e && test ! -e d && echo moved",
                "/usr/bin/python3 -m venv v && test -x v/bin/python && echo venv",
            ]
            let expected = ["1\n", "int main(void) { return 0; }\n", "ran\n", "moved\n", "venv\n"]
            for (script, output) in zip(steps, expected) {
                let result = try await harness.sh("w", script, timeoutMilliseconds: 60_000)
                #expect(result.exitCode == 0, "\(script): \(result.stderr)")
                #expect(result.stdout == output, "\(script)")
            }
            let delta = try await harness.runtime.delta("w")
            #expect(delta.added.contains(".git"))
            #expect(delta.added.contains("link"))
            #expect(delta.added.contains("e"))
            #expect(!delta.added.contains("d"))
            #expect(try await harness.runtime.readFile("w", path: "run.sh").mode == 0o755)
        }
    }

    @Test("a script's exact delta: 3 modified, 2 added, 1 deleted, 1 mode change; a read-only run changes nothing")
    func exactDelta() async throws {
        try await WorkspaceHarness.with { harness in
            _ = try await harness.runtime.fork(vault: "v", as: "w")
            let result = try await harness.sh(
                "w",
                "echo more >> f && echo more >> src/main.c && printf 'x' > docs/readme.md"
                    + " && echo a > added1 && echo bb > src/added2 && rm g && chmod 700 h")
            #expect(result.exitCode == 0, "\(result.stderr)")
            let delta = try #require(result.delta)
            #expect(delta.modified == ["docs/readme.md", "f", "src/main.c"])
            #expect(delta.added == ["added1", "src/added2"])
            #expect(delta.deleted == ["g"])
            #expect(delta.modeChanged == ["h"])
            let readOnly = try await harness.sh(
                "w",
                "cat f g h src/main.c src/lib/util.c docs/readme.md bin/tool.sh 2>/dev/null >/dev/null;"
                    + " /usr/bin/python3 -c \"open('src/lib/util.c', 'r+').close(); open('bin/tool.sh', 'r+b').close()\""
            )
            #expect(readOnly.exitCode == 0, "\(readOnly.stderr)")
            #expect(readOnly.delta?.isEmpty == true, "\(String(describing: readOnly.delta))")
        }
    }
}
