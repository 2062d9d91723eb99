import HangarCore
import HangarStore
import Testing

extension StoreConformance {
    static let subscriptionChecks: [Check] = [
        Check(name: "subscribe replays then follows live with no gap or duplicate") { storage, _ in
            try await storage.append((1...30).map { EventDraft.sample($0) })
            let total = 120
            let received = try await withThrowingTaskGroup(of: [Int64].self) { group in
                group.addTask {
                    var seqs: [Int64] = []
                    for try await event in storage.subscribe(after: 0, pollMilliseconds: 200) {
                        seqs.append(event.seq)
                        if seqs.count == total { break }
                    }
                    return seqs
                }
                group.addTask {
                    // Appends race the replay-to-live hand-over, one by one and in batches.
                    for index in 31...60 { try await storage.append(.sample(index)) }
                    try await storage.append((61...120).map { EventDraft.sample($0) })
                    return []
                }
                return try await group.reduce(into: [Int64]()) { $0 += $1 }
            }
            #expect(received == Array(1...Int64(total)))
        },
        Check(name: "subscribe from the middle with a stream filter") { storage, _ in
            for index in 1...20 {
                try await storage.append(.sample(index, stream: index.isMultiple(of: 2) ? "a" : "b"))
            }
            var seen: [Int64] = []
            for try await event in storage.subscribe(after: 10, stream: "a", pollMilliseconds: 200) {
                seen.append(event.seq)
                if seen.count == 5 { break }
            }
            #expect(seen == [12, 14, 16, 18, 20])
            // A live append to the filtered stream arrives even while other streams grow.
            let live = try await withThrowingTaskGroup(of: Int64?.self) { group in
                group.addTask {
                    for try await event in storage.subscribe(after: 20, stream: "a", pollMilliseconds: 200) {
                        return event.seq
                    }
                    return nil
                }
                group.addTask {
                    try await storage.append(.sample(21, stream: "b"))
                    try await storage.append(.sample(22, stream: "a"))
                    return nil
                }
                var first: Int64?
                for try await value in group where value != nil { first = value }
                return first
            }
            #expect(live == 22)
        },
    ]
}
