import HangarCore
import HangarStore
import HangarTesting
import HangarTools
import Testing

@Suite("Built-in tools")
struct BuiltInToolsTests {
    static let reader = ToolCaller(actor: "reader", scopes: ["events:read"])

    @Test func hangarInfoDescribesTheServer() async throws {
        try await ToolsHarness.withRegistry { registry, storage in
            try registry.registerBuiltIns()
            let info = try await registry.call(
                "hangar.info",
                arguments: [:],
                caller: ToolCaller(actor: "nobody", scopes: [])
            )
            #expect(
                info == [
                    "version": .string(HangarVersion.current), "storage_backend": "sqlite",
                    "layers": ["core", "store", "tools", "server"],
                ]
            )
            let events = try await storage.read(EventQuery())
            #expect(events.map(\.stream) == ["tool:hangar.info"])
        }
    }

    @Test func eventsReadPagesThroughTheLog() async throws {
        try await ToolsHarness.withRegistry { registry, storage in
            try registry.registerBuiltIns()
            try await storage.append((1...5).map { EventDraft.sample($0, stream: $0 % 2 == 0 ? "even" : "odd") })

            let all = try await registry.call("events.read", arguments: [:], caller: Self.reader)
            #expect(all["events"]?.arrayValue?.compactMap { $0["seq"]?.intValue } == [1, 2, 3, 4, 5])
            #expect(all["head"] == 5)
            let first = try #require(all["events"]?.arrayValue?.first)
            #expect(
                first == [
                    "seq": 1, "stream": "odd", "kind": "test.happened", "ts": .int(first["ts"]?.intValue ?? -1),
                    "actor": "tester", "payload": ["index": 1, "text": "event 1"],
                ]
            )

            // The first call's own `tool.called` event is seq 6.
            let page = try await registry.call("events.read", arguments: ["after": 1, "limit": 2], caller: Self.reader)
            #expect(page["events"]?.arrayValue?.compactMap { $0["seq"]?.intValue } == [2, 3])
            #expect(page["head"] == 6)

            let even = try await registry.call("events.read", arguments: ["stream": "even"], caller: Self.reader)
            #expect(even["events"]?.arrayValue?.compactMap { $0["seq"]?.intValue } == [2, 4])

            let audit = try await registry.call(
                "events.read",
                arguments: ["stream": "tool:events.read", "limit": 1000],
                caller: Self.reader
            )
            let outcomes = audit["events"]?.arrayValue?.compactMap { $0["payload"]?["outcome"] }
            #expect(outcomes == ["ok", "ok", "ok"])
        }
    }

    @Test(arguments: [
        (["limit": 0] as JSONValue, "/limit: must be >= 1"),
        (["limit": 1001] as JSONValue, "/limit: must be <= 1000"),
        (["limit": "10"] as JSONValue, "/limit: must be integer"),
        (["after": -1] as JSONValue, "/after: must be >= 0"),
        (["after": 1.5] as JSONValue, "/after: must be integer"),
        (["stream": ""] as JSONValue, "/stream: must be at least 1 characters long"),
        (["stream": 7] as JSONValue, "/stream: must be string"),
        (["since": 1] as JSONValue, "/since: is not allowed"),
    ])
    func eventsReadRefusesBadArguments(_ arguments: JSONValue, _ message: String) async throws {
        try await ToolsHarness.withRegistry { registry, storage in
            try registry.registerBuiltIns()
            let error = await expectError(.invalidArguments) {
                try await registry.call("events.read", arguments: arguments, caller: Self.reader)
            }
            #expect(error?.message == message)
            let events = try await storage.read(EventQuery())
            #expect(events.map { $0.payload["outcome"] } == ["invalid_arguments"])
        }
    }

    @Test func eventsReadNeedsItsScope() async throws {
        try await ToolsHarness.withRegistry { registry, _ in
            try registry.registerBuiltIns()
            await expectError(.forbidden) {
                try await registry.call("events.read", arguments: [:], caller: ToolCaller(actor: "nobody", scopes: []))
            }
        }
    }
}
