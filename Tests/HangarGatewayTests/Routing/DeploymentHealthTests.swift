import HangarCore
import Testing

@testable import HangarGateway

/// Cooldowns, Retry-After and the circuit breaker's half-open probes, on a manual clock.
@Suite("Deployment health")
struct DeploymentHealthTests {
    static func settings() -> ResilienceSettings {
        var settings = ResilienceSettings()
        settings.cooldownFailures = 100
        settings.breakerFailures = 3
        settings.breakerOpen = .seconds(10)
        settings.halfOpenProbes = 2
        return settings
    }

    @Test func theBreakerOpensThenAdmitsABoundedNumberOfProbes() {
        let (clock, time) = HangarClock.manual()
        let health = DeploymentHealth(settings: Self.settings(), clock: clock)
        for _ in 0..<3 {
            #expect(health.begin("d"))
            health.failed("d", retryAfter: nil)
        }
        #expect(!health.begin("d"), "open: no calls")
        time.advance(milliseconds: 10_000)
        #expect(health.begin("d"), "half-open: first probe")
        #expect(health.begin("d"), "half-open: second probe")
        #expect(!health.begin("d"), "half-open admits at most two probes at once")
        health.failed("d", retryAfter: nil)
        #expect(!health.begin("d"), "a failed probe opens the circuit again")
        time.advance(milliseconds: 10_000)
        #expect(health.begin("d"))
        health.succeeded("d", milliseconds: 5)
        #expect(health.begin("d") && health.begin("d") && health.begin("d"), "a successful probe closes it")
    }

    @Test func retryAfterKeepsADeploymentOutForThatLong() {
        let (clock, time) = HangarClock.manual()
        let health = DeploymentHealth(settings: Self.settings(), clock: clock)
        #expect(health.begin("d"))
        health.failed("d", retryAfter: .seconds(2))
        #expect(!health.available("d"))
        time.advance(milliseconds: 1_999)
        #expect(!health.available("d"))
        time.advance(milliseconds: 1)
        #expect(health.available("d"))
    }

    @Test func backoffNeverUndercutsRetryAfterAndStaysUnderItsCap() {
        var settings = ResilienceSettings()
        settings.baseBackoff = .milliseconds(100)
        settings.maxBackoff = .seconds(1)
        let backoff = Backoff(settings: settings)
        for attempt in 0..<10 {
            let wait = backoff.delay(attempt: attempt, retryAfter: nil)
            #expect(wait <= .seconds(1) && wait >= .milliseconds(50))
        }
        #expect(backoff.delay(attempt: 0, retryAfter: .seconds(3)) >= .seconds(3))
    }
}
