import HangarCore
import HangarStore
import Testing

extension StoreConformance {
    static let leaseChecks: [Check] = [
        Check(name: "a held lease refuses other holders until it expires") { storage, clock in
            let lease = try await storage.claimLease("job-1", holder: "worker-a", ttlMilliseconds: 1_000)
            #expect(lease.token == 1)
            #expect(lease.holder == "worker-a")
            #expect(lease.expiresAt == clock.now() + 1_000)
            await expectError(.leaseHeld) {
                try await storage.claimLease("job-1", holder: "worker-b", ttlMilliseconds: 1_000)
            }
            clock.advance(1_001)
            let taken = try await storage.claimLease("job-1", holder: "worker-b", ttlMilliseconds: 1_000)
            #expect(taken.token == 2)
            let state = try await storage.leaseState("job-1")
            #expect(state?.holder == "worker-b")
            #expect(state?.token == 2)
        },
        Check(name: "a stale holder's fenced writes are refused and change nothing") { storage, clock in
            let stale = try await storage.claimLease("job-1", holder: "worker-a", ttlMilliseconds: 500)
            try await storage.append(.sample(1), fencedBy: stale)
            clock.advance(501)
            let current = try await storage.claimLease("job-1", holder: "worker-b", ttlMilliseconds: 500)
            let head = try await storage.head()
            await expectError(.leaseFenced) { try await storage.append(.sample(2), fencedBy: stale) }
            await expectError(.leaseFenced) { try await storage.renewLease(stale, ttlMilliseconds: 500) }
            await expectError(.leaseFenced) { try await storage.releaseLease(stale) }
            #expect(try await storage.head() == head)
            #expect(try await storage.leaseState("job-1")?.token == current.token)
            // The current holder writes, renews and releases.
            try await storage.append(.sample(3), fencedBy: current)
            let renewed = try await storage.renewLease(current, ttlMilliseconds: 2_000)
            #expect(renewed.expiresAt == clock.now() + 2_000)
            #expect(renewed.token == current.token)
            try await storage.releaseLease(renewed)
            await expectError(.leaseFenced) { try await storage.append(.sample(4), fencedBy: renewed) }
            #expect(try await storage.leaseState("job-1")?.holder == nil)
            let next = try await storage.claimLease("job-1", holder: "worker-c", ttlMilliseconds: 500)
            #expect(next.token == current.token + 1)
        },
        Check(name: "an expired lease cannot be renewed") { storage, clock in
            let lease = try await storage.claimLease("job-1", holder: "worker-a", ttlMilliseconds: 100)
            clock.advance(100)
            await expectError(.leaseFenced) { try await storage.renewLease(lease, ttlMilliseconds: 100) }
            await expectError(.leaseNotFound) {
                try await storage.renewLease(
                    Lease(name: "nope", pool: "default", holder: "x", token: 1, expiresAt: 0), ttlMilliseconds: 100)
            }
            await expectError(.invalidArguments) {
                try await storage.claimLease("job-2", holder: "w", ttlMilliseconds: 0)
            }
            await expectError(.invalidArguments) { try await storage.claimLease("", holder: "w", ttlMilliseconds: 10) }
        },
        Check(name: "concurrent claimers of a pool each get a different lease") { storage, clock in
            let names = (1...20).map { "task-\($0)" }
            try await storage.offerLeases(names, pool: "builds")
            try await storage.offerLeases(names, pool: "builds")
            let claimed = try await withThrowingTaskGroup(of: Lease?.self) { group in
                for worker in 1...25 {
                    group.addTask {
                        try await storage.claimNextLease(pool: "builds", holder: "w\(worker)", ttlMilliseconds: 10_000)
                    }
                }
                return try await group.reduce(into: [Lease]()) { if let lease = $1 { $0.append(lease) } }
            }
            #expect(claimed.count == 20)
            #expect(Set(claimed.map(\.name)) == Set(names))
            #expect(claimed.allSatisfy { $0.token == 1 && $0.pool == "builds" })
            #expect(try await storage.claimNextLease(pool: "builds", holder: "late", ttlMilliseconds: 10) == nil)
            #expect(try await storage.claimNextLease(pool: "other", holder: "late", ttlMilliseconds: 10) == nil)
            // Released and expired leases come back.
            try await storage.releaseLease(claimed[0])
            let again = try await storage.claimNextLease(pool: "builds", holder: "late", ttlMilliseconds: 10)
            #expect(again?.name == claimed[0].name)
            #expect(again?.token == 2)
            clock.advance(10_001)
            #expect(try await storage.claimNextLease(pool: "builds", holder: "later", ttlMilliseconds: 10) != nil)
        },
    ]
}
