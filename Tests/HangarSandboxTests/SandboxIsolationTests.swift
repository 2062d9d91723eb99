import Foundation
import HangarSandbox
import Testing

extension SandboxTests {
    @Suite struct Isolation {
        @Test func writesLandInTheUpperLayerOnly() async throws {
            let fixture = try SandboxFixture()
            let result = try await fixture.run(
                fixture.spec(["sh", "-c", "cat a.txt dir/b.txt; echo new > /workspace/f; echo changed >> a.txt"]))
            #expect(result.exitCode == 0)
            #expect(result.stdout == "alpha\nbeta\n")
            #expect(try String(contentsOfFile: "\(fixture.upper)/f", encoding: .utf8) == "new\n")
            #expect(try String(contentsOfFile: "\(fixture.upper)/a.txt", encoding: .utf8) == "alpha\nchanged\n")
            #expect(try String(contentsOfFile: "\(fixture.lower)/a.txt", encoding: .utf8) == "alpha\n")
            #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.lower).sorted() == ["a.txt", "dir"])
        }

        @Test func hostDirectoriesAreReadOnly() async throws {
            let fixture = try SandboxFixture()
            let name = "/etc/hangar-sandbox-test-\(UUID().uuidString)"
            let result = try await fixture.run(fixture.spec(["sh", "-c", "echo x > \(name)"]))
            #expect(result.exitCode == 2)
            #expect(result.stderr.contains("Read-only file system"))
            #expect(!FileManager.default.fileExists(atPath: name))
        }

        @Test func rootsHomeIsEmpty() async throws {
            let fixture = try SandboxFixture()
            #expect(try !FileManager.default.contentsOfDirectory(atPath: "/root").isEmpty)
            let result = try await fixture.run(fixture.spec(["ls", "-A", "/root"]))
            #expect(result.exitCode == 0)
            #expect(result.stdout == "")
        }

        @Test func hiddenPathsAndTheRunDirectoryAreEmpty() async throws {
            let fixture = try SandboxFixture()
            let secret = "\(fixture.directory)/secret"
            try FileManager.default.createDirectory(atPath: secret, withIntermediateDirectories: false)
            try "s3cr3t".write(toFile: "\(secret)/key", atomically: false, encoding: .utf8)
            let script = "ls -A \(secret); echo --; ls -A \(fixture.runDirectory); echo --; ls \(fixture.directory)"
            var spec = fixture.spec(["sh", "-c", script])
            spec.hiddenPaths = [secret]
            let result = try await fixture.run(spec)
            #expect(result.exitCode == 0)
            #expect(result.stdout == "--\n--\nlower\nrun\nsecret\nupper\nwork\n")
            #expect(try FileManager.default.contentsOfDirectory(atPath: secret) == ["key"])
        }

        @Test func theCommandCannotUndoTheMounts() async throws {
            let fixture = try SandboxFixture()
            let result = try await fixture.run(fixture.spec(["sh", "-c", "umount /root || mount -o remount,rw /etc"]))
            #expect(result.exitCode != 0)
            #expect(result.stderr.contains("must be superuser") || result.stderr.contains("Operation not permitted"))
        }
    }
}
