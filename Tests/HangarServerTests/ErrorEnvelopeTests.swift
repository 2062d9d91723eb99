import HangarCore
import Hummingbird
import HummingbirdTesting
import Testing

@testable import HangarServer

@Suite("Error envelope")
struct ErrorEnvelopeTests {
    @Test(arguments: [
        (HTTPRequest.Method.get, "/nope"),
        (.get, "/v1/nope"),
        (.post, "/health"),
        (.delete, "/v1/events"),
    ])
    func unknownRoutesAre404InTheEnvelope(method: HTTPRequest.Method, path: String) async throws {
        try await ServerFixture.withApp { app, _ in
            try await app.test(.router) { client in
                let response = try await client.execute(uri: path, method: method)
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType] == "application/json")
                #expect(response.text == #"{"error":{"code":"not_found","message":"no such resource"}}"#)
            }
        }
    }

    @Test func everyFamilyMapsToItsStatus() {
        for family in HangarError.Family.allCases {
            let error = HangarError(HangarError.Code("x_\(family.rawValue)", family: family), "m")
            #expect(Int(error.response.status.code) == family.httpStatus)
        }
    }

    @Test func detailsAreRenderedAndARetryAfterBecomesTheHeader() {
        let error = HangarError(
            HangarError.Code("x_rate", family: .rateLimited), "slow down", details: ["retry_after_seconds": .int(7)])
        let response = error.response
        #expect(response.status.code == 429)
        #expect(response.headers[.retryAfter] == "7")
        #expect(
            String(decoding: error.envelope, as: UTF8.self)
                == #"{"error":{"code":"x_rate","message":"slow down","retry_after_seconds":7}}"#)
    }

    @Test func internalErrorsShowNothingOfTheirCause() async throws {
        struct Secret: Error, CustomStringConvertible {
            var description: String { "SELECT * FROM hangar_events at /srv/hangar/hangar.sqlite" }
        }
        let router = Router(context: HangarRequestContext.self)
        router.add(middleware: ErrorMiddleware())
        router.get("/boom") { _, _ -> String in throw Secret() }
        router.get("/hangar") { _, _ -> String in
            throw HangarError(.budgetExceeded, "the budget is spent", underlying: Secret())
        }
        try await Application(router: router).test(.router) { client in
            let boom = try await client.execute(uri: "/boom", method: .get)
            #expect(boom.status == .internalServerError)
            #expect(boom.text == #"{"error":{"code":"internal","message":"internal error"}}"#)
            let hangar = try await client.execute(uri: "/hangar", method: .get)
            #expect(hangar.status.code == 402)
            #expect(hangar.text == #"{"error":{"code":"budget_exceeded","message":"the budget is spent"}}"#)
        }
    }
}
