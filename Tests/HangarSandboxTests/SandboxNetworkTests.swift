import Glibc
import HangarSandbox
import Testing

extension SandboxTests {
    @Suite struct Network {
        static func connect(to port: UInt16) -> [String] {
            ["/usr/bin/python3", "-c", "import socket; socket.create_connection(('127.0.0.1', \(port)), timeout=3)"]
        }

        @Test func noneCannotReachTheHostsLoopback() async throws {
            let listener = try TCPListener()
            let fixture = try SandboxFixture()
            var spec = fixture.spec(Self.connect(to: listener.port))
            spec.network = .none
            let result = try await fixture.run(spec)
            #expect(result.exitCode == 1)
            #expect(result.stderr.contains("ConnectionRefusedError"))
        }

        @Test func noneHasItsOwnWorkingLoopback() async throws {
            let fixture = try SandboxFixture()
            let script = """
                import socket
                server = socket.socket(); server.bind(('127.0.0.1', 0)); server.listen()
                socket.create_connection(server.getsockname(), timeout=3); print('ok')
                """
            let result = try await fixture.run(fixture.spec(["/usr/bin/python3", "-c", script]))
            #expect(result.exitCode == 0)
            #expect(result.stdout == "ok\n")
        }

        @Test func hostReachesTheHostsLoopback() async throws {
            let listener = try TCPListener()
            let fixture = try SandboxFixture()
            var spec = fixture.spec(Self.connect(to: listener.port))
            spec.network = .host
            let result = try await fixture.run(spec)
            #expect(result.exitCode == 0)
            #expect(result.stderr == "")
        }
    }
}
