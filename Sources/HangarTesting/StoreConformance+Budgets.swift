import HangarCore
import HangarStore
import Testing

extension StoreConformance {
    static let budgetChecks: [Check] = [
        Check(name: "reserve, commit and release keep reserved + spent under the limit") { storage, _ in
            let opened = try await storage.openBudget("team", limit: Money(units: 1_000, currency: .usd))
            #expect(opened.available == 1_000)
            let first = try await storage.reserve(600, from: "team")
            await expectError(.budgetExceeded) { try await storage.reserve(401, from: "team") }
            let second = try await storage.reserve(400, from: "team")
            var account = try await storage.commit(first, actual: 250)
            #expect(account.spent == 250)
            #expect(account.reserved == 400)
            account = try await storage.release(second)
            #expect(account.reserved == 0)
            #expect(account.available == 750)
            #expect(try await storage.budget("team") == account)
            await expectError(.reservationNotFound) { try await storage.commit(first, actual: 1) }
            await expectError(.reservationNotFound) { try await storage.release(second) }
            await expectError(.budgetNotFound) { try await storage.reserve(1, from: "nobody") }
            await expectError(.invalidArguments) { try await storage.reserve(0, from: "team") }
            let third = try await storage.reserve(10, from: "team")
            await expectError(.invalidArguments) { try await storage.commit(third, actual: 11) }
            await expectError(.invalidArguments) {
                try await storage.openBudget("team", limit: Money(units: 5, currency: .usdc))
            }
            #expect(try await storage.budget("team")?.reserved == 10)
        },
        Check(name: "concurrent reserves never overspend") { storage, _ in
            try await storage.openBudget("shared", limit: Money(units: 1_000, currency: .usd))
            let granted = try await withThrowingTaskGroup(of: Bool.self) { group in
                for _ in 0..<50 {
                    group.addTask {
                        do {
                            _ = try await storage.reserve(30, from: "shared")
                            return true
                        } catch let error as HangarError where error.code == .budgetExceeded {
                            return false
                        }
                    }
                }
                return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
            #expect(granted == 33)
            let account = try await storage.budget("shared")
            #expect(account?.reserved == 990)
            #expect(account?.available == 10)
        },
    ]

    static let projectionChecks: [Check] = [
        Check(name: "rebuilding projections from the log gives byte-identical state") { storage, clock in
            try await storage.offerLeases(["a", "b", "c"], pool: "p")
            let a = try await storage.claimNextLease(pool: "p", holder: "w1", ttlMilliseconds: 100)
            _ = try await storage.claimLease("solo", holder: "w2", ttlMilliseconds: 100)
            if let a { try await storage.releaseLease(a) }
            try await storage.openBudget("acct", limit: Money(units: 500, currency: .usd))
            let reservation = try await storage.reserve(100, from: "acct")
            try await storage.commit(reservation, actual: 40)
            _ = try await storage.reserve(60, from: "acct")
            try await storage.append((1...50).map { EventDraft.sample($0) })
            clock.advance(1_000)
            let before = try await storage.projectionDigest()
            try await storage.rebuildProjections()
            #expect(try await storage.projectionDigest() == before)
            #expect(try await storage.budget("acct")?.spent == 40)
            #expect(try await storage.budget("acct")?.reserved == 60)
            #expect(try await storage.leaseState("solo")?.holder == "w2")
            // The store keeps working after a rebuild.
            #expect(try await storage.claimNextLease(pool: "p", holder: "w3", ttlMilliseconds: 100) != nil)
        },
        Check(name: "projection rows list in key order, filtered by a key prefix") { storage, _ in
            try await storage.offerLeases(["c", "a", "b"], pool: "p")
            try await storage.offerLeases(["z"], pool: "q")
            let all = try await storage.projectionRows(LeaseProjector.table, prefix: [], limit: 10)
            #expect(all.compactMap { $0.first?.text } == ["a", "b", "c", "z"])
            let two = try await storage.projectionRows(LeaseProjector.table, prefix: [], limit: 2)
            #expect(two.compactMap { $0.first?.text } == ["a", "b"])
            let one = try await storage.projectionRows(LeaseProjector.table, prefix: [.text("b")], limit: 10)
            #expect(one.compactMap { $0[1].text } == ["p"])
            #expect(try await storage.projectionRows(LeaseProjector.table, prefix: [.text("nope")], limit: 10).isEmpty)
        },
        Check(name: "the projection digest is the same on every adapter for the same events") { storage, _ in
            try await storage.openBudget("acct", limit: Money(units: 500, currency: .usd))
            _ = try await storage.claimLease("x", holder: "w", ttlMilliseconds: 100)
            let digest = try await storage.projectionDigest()
            #expect(digest == StoreConformance.referenceDigest, "digest is \(digest)")
        },
    ]

    /// The digest of the projections after the last check's events, pinned so both adapters must agree
    /// on it byte for byte.
    static let referenceDigest = "49ce34c1caeeace12f17e256509777c13f231418fd6c000f70dbf3b7b04c2f9e"
}
