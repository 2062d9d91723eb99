import HangarCore
import HangarStore
import Testing

extension StoreConformance {
    static let eventChecks: [Check] = [
        Check(name: "append assigns gap-free seqs and reads back what was written") {
            storage, clock in
            #expect(try await storage.head() == 0)
            let first = try await storage.append(.sample(1, key: "k1"))
            #expect(first.seq == 1)
            #expect(!first.replayed)
            #expect(first.event.ts == clock.now())
            let batch = try await storage.append(
                (2...6).map { EventDraft.sample($0, stream: $0.isMultiple(of: 2) ? "even" : "odd") })
            #expect(batch.map(\.seq) == [2, 3, 4, 5, 6])
            let all = try await storage.read(EventQuery(after: 0, limit: 100))
            #expect(all.map(\.seq) == [1, 2, 3, 4, 5, 6])
            #expect(all[0].payload == EventDraft.sample(1).payload)
            #expect(all[0].idempotencyKey == "k1")
            #expect(all[0].actor == "tester")
            #expect(all[0].kind == "test.happened")
            let even = try await storage.read(EventQuery(after: 0, stream: "even", limit: 100))
            #expect(even.map(\.seq) == [2, 4, 6])
            let page = try await storage.read(EventQuery(after: 2, limit: 2))
            #expect(page.map(\.seq) == [3, 4])
            #expect(try await storage.head() == 6)
        },
        Check(name: "payloads round-trip exactly") { storage, _ in
            let payload: JSONValue = [
                "unicode": "héllo ✓ \u{1F680}", "quote": "\"\\/", "big": .int(Int64.max), "negative": .int(-5),
                "double": 0.25, "null": nil, "nested": ["list": [1, "two", false, [:]]],
            ]
            let appended = try await storage.append(EventDraft(stream: "s", kind: "k", actor: "a", payload: payload))
            let read = try await storage.read(EventQuery(after: appended.seq - 1, limit: 1))
            #expect(read.first?.payload == payload)
        },
        Check(name: "bad drafts are refused with a code and write nothing") { storage, _ in
            try await storage.append(.sample(1))
            await expectError(.invalidArguments) {
                try await storage.append([.sample(2), EventDraft(stream: "", kind: "k", actor: "a", payload: nil)])
            }
            await expectError(.invalidArguments) {
                try await storage.append(
                    EventDraft(stream: "s", kind: String(repeating: "k", count: 201), actor: "a", payload: nil))
            }
            let huge = JSONValue.string(String(repeating: "x", count: (1 << 20) + 1))
            await expectError(.payloadTooLarge) {
                try await storage.append(EventDraft(stream: "s", kind: "k", actor: "a", payload: huge))
            }
            // Lease and budget events come only from the store's own commands, never from a plain append.
            await expectError(.invalidArguments) {
                try await storage.append(EventDraft(stream: "lease:x", kind: "lease.claimed", actor: "a", payload: nil))
            }
            await expectError(.invalidArguments) {
                try await storage.append([
                    .sample(5), EventDraft(stream: "b", kind: "budget.reserved", actor: "a", payload: nil),
                ])
            }
            #expect(try await storage.head() == 1)
            // The store keeps serving after refusals.
            #expect(try await storage.append(.sample(3)).seq == 2)
        },
        Check(name: "concurrent writers get every seq exactly once") { storage, _ in
            let writers = 8
            let perWriter = 100
            let seqs = try await withThrowingTaskGroup(of: [Int64].self) { group in
                for writer in 0..<writers {
                    group.addTask {
                        var seqs: [Int64] = []
                        for index in 0..<perWriter {
                            seqs.append(
                                try await storage.append(.sample(writer * perWriter + index, stream: "w\(writer)")).seq)
                        }
                        return seqs
                    }
                }
                return try await group.reduce(into: [Int64]()) { $0 += $1 }
            }
            let total = Int64(writers * perWriter)
            #expect(seqs.sorted() == Array(1...total))
            #expect(try await storage.head() == total)
            var read: [Event] = []
            while read.count < Int(total) {
                let page = try await storage.read(EventQuery(after: read.last?.seq ?? 0, limit: 300))
                if page.isEmpty { break }
                read += page
            }
            #expect(read.map(\.seq) == Array(1...total))
            // Each writer's events stay in the order it wrote them.
            for writer in 0..<writers {
                let indexes = read.filter { $0.stream == "w\(writer)" }.compactMap { $0.payload["index"]?.intValue }
                #expect(indexes == (0..<perWriter).map { Int64(writer * perWriter + $0) })
            }
        },
    ]

    static let idempotencyChecks: [Check] = [
        Check(name: "a used idempotency key returns the original seq without writing") {
            storage, _ in
            let original = try await storage.append(.sample(1, key: "once"))
            try await storage.append(.sample(2))
            let again = try await storage.append(.sample(1, key: "once"))
            #expect(again.replayed)
            #expect(again.seq == original.seq)
            #expect(again.event == original.event)
            #expect(try await storage.head() == 2)
            // Within one batch too.
            let batch = try await storage.append([.sample(3, key: "twice"), .sample(3, key: "twice")])
            #expect(batch.map(\.seq) == [3, 3])
            #expect(batch.map(\.replayed) == [false, true])
            #expect(try await storage.head() == 3)
        },
        Check(name: "a used idempotency key with a different payload is a conflict and writes nothing") {
            storage, _ in
            try await storage.append(.sample(1, key: "once"))
            await expectError(.idempotencyConflict) {
                try await storage.append([.sample(2), .sample(99, key: "once")])
            }
            await expectError(.idempotencyConflict) {
                try await storage.append(.sample(1, stream: "other", key: "once"))
            }
            #expect(try await storage.head() == 1)
            let stored = try await storage.read(EventQuery())
            #expect(stored.count == 1)
            #expect(stored.first?.payload == EventDraft.sample(1).payload)
        },
    ]
}
