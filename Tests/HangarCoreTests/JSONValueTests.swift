import Foundation
import HangarCore
import Testing

@Suite("JSONValue")
struct JSONValueTests {
    @Test func canonicalEncodingSortsKeysAndKeepsIntegersExact() throws {
        let value = try JSONValue.parse(#"{"b": 1, "a": [true, null, 9007199254740993, 1.5, "x/y"]}"#)
        #expect(value.canonicalString() == #"{"a":[true,null,9007199254740993,1.5,"x/y"],"b":1}"#)
        #expect(try JSONValue.parse(value.canonicalString()) == value)
    }

    @Test func refusesOversizedBodies() async {
        let body = Data(repeating: UInt8(ascii: " "), count: 101)
        await expectCode(.payloadTooLarge) { try JSONValue.parse(body, limits: JSONLimits(maxBytes: 100, maxDepth: 8)) }
    }

    @Test func refusesDeepNestingBeforeDecoding() async throws {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        await expectCode(.invalidJSON) {
            try JSONValue.parse(deep, limits: JSONLimits(maxBytes: 1 << 20, maxDepth: 64))
        }
        // Brackets inside strings do not count.
        let quoted = "[\"" + String(repeating: "[", count: 100) + "\"]"
        #expect(try JSONValue.parse(quoted, limits: JSONLimits(maxBytes: 1 << 20, maxDepth: 2)).arrayValue?.count == 1)
    }

    @Test(arguments: ["{", "[1,", "nul", "{\"a\" 1}", ""])
    func refusesMalformedJSON(_ text: String) async {
        await expectCode(.invalidJSON) { try JSONValue.parse(text) }
    }

    private func expectCode(_ code: HangarError.Code, _ body: () throws -> Any) async {
        do {
            _ = try body()
            Issue.record("expected \(code)")
        } catch let error as HangarError {
            #expect(error.code == code)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
