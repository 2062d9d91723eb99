import HangarCore
import Testing

@Suite("Money")
struct MoneyTests {
    @Test func addsSameCurrencyAndRefusesMixing() throws {
        let a = Money(units: 150, currency: .usd)
        #expect(try a.adding(Money(units: 50, currency: .usd)) == Money(units: 200, currency: .usd))
        #expect(throws: HangarError.self) { try a.adding(Money(units: 1, currency: .usdc)) }
        #expect(throws: HangarError.self) {
            try Money(units: .max, currency: .usd).adding(Money(units: 1, currency: .usd))
        }
    }

    @Test func manualClockMovesOnlyWhenTold() {
        let (clock, control) = HangarClock.manual(startingAt: 1_000)
        #expect(clock.nowMilliseconds() == 1_000)
        control.advance(milliseconds: 250)
        #expect(clock.nowMilliseconds() == 1_250)
    }
}
