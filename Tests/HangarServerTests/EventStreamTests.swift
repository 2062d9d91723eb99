import HangarCore
import HangarServer
import HangarStore
import HangarTesting
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("GET /v1/events as Server-Sent Events", .timeLimit(.minutes(2)))
struct EventStreamTests {
    static func url(_ port: Int, _ query: String = "") -> String {
        "http://localhost:\(port)/v1/events\(query)"
    }

    /// Reads `count` events from an SSE stream, checking that each frame's id and event name match the event
    /// it carries, and returns their seqs.
    static func collect(port: Int, query: String = "", lastEventID: Int64? = nil, count: Int) async throws -> [Int64] {
        var seqs: [Int64] = []
        let headers = lastEventID.map { ["Last-Event-ID": "\($0)"] } ?? [:]
        for try await item in SSEClient.items(url: url(port, query), headers: headers) {
            guard case .event(let id, let kind, let data) = item else { continue }
            let event = try JSONValue.parse(data)
            let seq = try #require(event["seq"]?.intValue)
            #expect(id == "\(seq)")
            #expect(kind == event["kind"]?.stringValue)
            seqs.append(seq)
            if seqs.count == count { break }
        }
        return seqs
    }

    @Test func twoClientsSeeEveryEventOnceInOrderAcrossAReconnection() async throws {
        let total = 200
        let firstSession = 20
        let missed = 50
        try await ServerFixture.withApp { app, storage in
            try await storage.append((1...10).map { EventDraft.sample($0) })
            try await app.test(.live) { client in
                let port = try #require(client.port)
                try await withThrowingTaskGroup(of: (String, [Int64]).self) { group in
                    group.addTask {
                        ("from seq 0", try await Self.collect(port: port, query: "?after=0", count: total))
                    }
                    group.addTask {
                        let first = try await Self.collect(port: port, count: firstSession)
                        let last = try #require(first.last)
                        // Stay away until more than `missed` events were appended after the last one seen.
                        var head = try await storage.head()
                        while head <= last + Int64(missed) {
                            try await Task.sleep(for: .milliseconds(10))
                            head = try await storage.head()
                        }
                        // The writer is still appending: the second session replays, then follows live.
                        #expect(head < Int64(total))
                        // `Last-Event-ID` wins over `after`.
                        let rest = try await Self.collect(
                            port: port, query: "?after=0", lastEventID: last, count: total - first.count)
                        return ("reconnecting", first + rest)
                    }
                    group.addTask {
                        for index in 11...total {
                            try await storage.append(EventDraft.sample(index))
                            try await Task.sleep(for: .milliseconds(5))
                        }
                        return ("writer", [])
                    }
                    var clients = 0
                    for try await (name, seqs) in group where name != "writer" {
                        clients += 1
                        #expect(seqs == Array(1...Int64(total)), "\(name)")
                    }
                    #expect(clients == 2)
                }
            }
        }
    }

    @Test func followsOneStream() async throws {
        try await ServerFixture.withApp { app, storage in
            try await storage.append((1...10).map { EventDraft.sample($0, stream: $0 % 2 == 0 ? "even" : "odd") })
            try await app.test(.live) { client in
                let port = try #require(client.port)
                let seqs = try await Self.collect(port: port, query: "?stream=even&after=3", count: 4)
                #expect(seqs == [4, 6, 8, 10])
            }
        }
    }

    @Test func idleStreamsGetHeartbeats() async throws {
        try await ServerFixture.withApp(options: ServerOptions(heartbeat: .milliseconds(100))) { app, _ in
            try await app.test(.live) { client in
                let port = try #require(client.port)
                var comments: [String] = []
                for try await item in SSEClient.items(url: Self.url(port)) {
                    guard case .comment(let text) = item else { continue }
                    comments.append(text)
                    if comments.count == 3 { break }
                }
                #expect(comments == ["connected", "heartbeat", "heartbeat"])
            }
        }
    }

    @Test func badParametersAre400BeforeTheStreamStarts() async throws {
        try await ServerFixture.withApp { app, _ in
            try await app.test(.live) { client in
                let port = try #require(client.port)
                await #expect(throws: SSEClientError.self) {
                    for try await _ in SSEClient.items(url: Self.url(port, "?after=-1")) {}
                }
            }
        }
    }

    @Test func gracefulShutdownEndsOpenStreamsThenClosesTheStore() async throws {
        try await ServerFixture.withApp { app, storage in
            try await storage.append((1...5).map { EventDraft.sample($0) })
            let (ports, portSink) = AsyncStream<Int>.makeStream()
            let (delivered, deliveredSink) = AsyncStream<Void>.makeStream()
            let seqs = try await withThrowingTaskGroup(of: [Int64]?.self) { group in
                group.addTask {
                    try await app.test(.live) { client in
                        portSink.yield(try #require(client.port))
                        // Return, which shuts the application down gracefully, once the stream is open.
                        _ = await delivered.first { _ in true }
                    }
                    return nil
                }
                group.addTask {
                    guard let port = await ports.first(where: { _ in true }) else { return [] }
                    var seqs: [Int64] = []
                    for try await item in SSEClient.items(url: Self.url(port)) {
                        guard case .event(let id, _, _) = item else { continue }
                        seqs.append(Int64(id ?? "") ?? -1)
                        if seqs.count == 5 { deliveredSink.yield() }
                    }
                    // The server ended the response: the loop finished without an error.
                    return seqs
                }
                var seqs: [Int64] = []
                for try await result in group {
                    if let result { seqs = result }
                }
                return seqs
            }
            #expect(seqs == [1, 2, 3, 4, 5])
            await #expect(throws: (any Error).self) { try await storage.ping() }
        }
    }
}
