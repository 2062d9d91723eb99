import HangarCore
import HangarServer
import HangarStore
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("GET /health and /ready")
struct HealthRoutesTests {
    @Test func healthAnswersWithoutTheDatabase() async throws {
        try await ServerFixture.withApp { app, storage in
            try await storage.close()
            try await app.test(.router) { client in
                let response = try await client.execute(uri: "/health", method: .get)
                #expect(response.status == .ok)
                #expect(response.text == #"{"status":"ok"}"#)
                #expect(response.headers[.contentType] == "application/json")
            }
        }
    }

    @Test func readyPingsTheStore() async throws {
        try await ServerFixture.withApp { app, _ in
            try await app.test(.router) { client in
                let response = try await client.execute(uri: "/ready", method: .get)
                #expect(response.status == .ok)
                #expect(response.text == #"{"backend":"sqlite","status":"ready"}"#)
            }
        }
    }

    @Test func readyIs503WhenTheDatabaseDoesNotAnswer() async throws {
        try await ServerFixture.withApp { app, storage in
            try await storage.close()
            try await app.test(.router) { client in
                let response = try await client.execute(uri: "/ready", method: .get)
                #expect(response.status == .serviceUnavailable)
                #expect(
                    response.text
                        == #"{"error":{"code":"database_unavailable","message":"the database does not answer"}}"#)
            }
        }
    }
}
