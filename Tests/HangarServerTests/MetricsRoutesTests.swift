import HangarServer
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("GET /metrics")
struct MetricsRoutesTests {
    @Test func countsRequestsPerRoute() async throws {
        try await ServerFixture.withApp { app, _ in
            try await app.test(.router) { client in
                for _ in 0..<3 { _ = try await client.execute(uri: "/health", method: .get) }
                _ = try await client.execute(uri: "/no-such-route", method: .get)
                let response = try await client.execute(uri: "/metrics", method: .get)
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("text/plain") == true)
                let text = response.text
                #expect(text.contains("# TYPE hangar_http_requests_total counter"))
                let health = text.split(separator: "\n").first {
                    $0.hasPrefix("hangar_http_requests_total{") && $0.contains(#"http_route="/health""#)
                        && $0.contains(#"http_response_status_code="200""#)
                }
                let count = try #require(health.flatMap { $0.split(separator: " ").last }.flatMap { Int($0) })
                #expect(count >= 3)
                #expect(text.contains(#"http_response_status_code="404""#))
                #expect(text.contains("# TYPE hangar_http_request_duration_seconds histogram"))
            }
        }
    }
}
