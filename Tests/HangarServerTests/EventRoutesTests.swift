import HangarCore
import HangarServer
import HangarStore
import HangarTesting
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("GET /v1/events as JSON")
struct EventRoutesTests {
    @Test func pagesThroughTheLog() async throws {
        try await ServerFixture.withApp { app, storage in
            try await storage.append((1...25).map { EventDraft.sample($0, stream: $0 % 2 == 0 ? "even" : "odd") })
            try await app.test(.router) { client in
                var after: Int64 = 0
                var seen: [Int64] = []
                while true {
                    let response = try await client.execute(uri: "/v1/events?after=\(after)&limit=10", method: .get)
                    #expect(response.status == .ok)
                    let page = try response.json
                    #expect(page["head"]?.intValue == 25)
                    let seqs = try #require(page["events"]?.arrayValue).compactMap { $0["seq"]?.intValue }
                    guard let last = seqs.last else { break }
                    #expect(seqs.count <= 10)
                    seen += seqs
                    after = last
                }
                #expect(seen == Array(1...25))
            }
        }
    }

    @Test func returnsEventsAsStoredAndFiltersByStream() async throws {
        try await ServerFixture.withApp { app, storage in
            let stored = try await storage.append(
                (1...6).map { EventDraft.sample($0, stream: $0 % 2 == 0 ? "even" : "odd") })
            try await app.test(.router) { client in
                let response = try await client.execute(uri: "/v1/events?stream=even&after=2", method: .get)
                #expect(response.status == .ok)
                let events = try #require(try response.json["events"]?.arrayValue)
                #expect(events.compactMap { $0["seq"]?.intValue } == [4, 6])
                let expected = try JSONValue(encoding: stored[3].event)
                #expect(events.first == expected)
                #expect(events.first?["payload"] == ["index": 4, "text": "event 4"])
            }
        }
    }

    @Test func defaultsToTheStartAndAHundredEvents() async throws {
        try await ServerFixture.withApp { app, storage in
            try await storage.append((1...150).map { EventDraft.sample($0) })
            try await app.test(.router) { client in
                let response = try await client.execute(uri: "/v1/events", method: .get)
                let seqs = try #require(try response.json["events"]?.arrayValue).compactMap { $0["seq"]?.intValue }
                #expect(seqs == Array(1...100))
            }
        }
    }

    @Test(arguments: [
        "after=-1", "after=abc", "after=", "after=1.5", "after=+3", "after=99999999999999999999",
        "limit=0", "limit=100000", "limit=-5", "limit=x", "stream=", "bogus=1", "after=1&after=2",
    ])
    func badParametersAre400AndChangeNothing(query: String) async throws {
        try await ServerFixture.withApp { app, storage in
            try await storage.append((1...3).map { EventDraft.sample($0) })
            try await app.test(.router) { client in
                let response = try await client.execute(uri: "/v1/events?\(query)", method: .get)
                #expect(response.status == .badRequest)
                #expect(response.errorCode == "invalid_request")
                let message = try #require(try response.json["error"]?["message"]?.stringValue)
                #expect(!message.isEmpty)
                #expect(try await storage.head() == 3)
                #expect(try await storage.read(EventQuery()).map(\.seq) == [1, 2, 3])
            }
        }
    }

    @Test(arguments: ["-1", "abc", "", "1 2"])
    func badLastEventIDIs400(lastEventID: String) async throws {
        try await ServerFixture.withApp { app, _ in
            try await app.test(.router) { client in
                let response = try await client.execute(
                    uri: "/v1/events", method: .get, headers: [.lastEventIDForTests: lastEventID])
                #expect(response.status == .badRequest)
                #expect(response.errorCode == "invalid_request")
            }
        }
    }
}
