import HangarCore
import HangarGateway
import HangarTesting
import Testing

/// The configuration file is strict: a typo or a dangling name fails loudly with its path.
@Suite("Gateway configuration")
struct GatewayConfigTests {
    static let providers = """
        providers:
          p: {base_url: "http://127.0.0.1:1/v1", format: openai}
        """

    @Test(
        arguments: [
            ("models:\n  m:\n    deployments: [{provider: p, model: x}]\n    max_token: 5", "config_unknown_key"),
            ("models:\n  m:\n    deployments: [{provider: nope, model: x}]", "config_invalid"),
            ("models:\n  m:\n    deployments: []", "config_invalid"),
            ("models:\n  m:\n    deployments: [{provider: p, model: x}]\n    fallbacks: [ghost]", "config_invalid"),
            ("models:\n  m:\n    deployments: [{provider: p, model: x}]\n    strategy: fastest", "config_invalid"),
            ("models:\n  m:\n    deployments: [{provider: p, model: x}]\n    price: {input: -1}", "config_invalid"),
        ])
    func badFilesAreRefused(tail: String, code: String) async {
        let error = await expectError(HangarError.Code(code, family: .configuration)) {
            try GatewayConfig.parse(Self.providers + "\n" + tail)
        }
        #expect(error?.message.hasPrefix("gateway configuration: ") == true)
    }

    @Test func dollarsAndPeriodsParseExactly() throws {
        #expect(try KeySpec.dollars("5.00") == 5_000_000)
        #expect(try KeySpec.dollars("0.004") == 4_000)
        #expect(try KeySpec.period("1d") == 86_400)
        for bad in ["", "-1", "1.1234567", "1e3", "five"] {
            #expect(throws: HangarError.self) { try KeySpec.dollars(bad) }
        }
    }

    @Test func anSSEDecoderIgnoresChunkBoundaries() {
        let text = "event: a\ndata: {\"x\":1}\r\n\r\n: heartbeat\n\ndata: one\ndata: two\n\ndata: [DONE]\n\n"
        var whole = SSEDecoder()
        let expected = whole.feed(Array(text.utf8)) + whole.finish()
        #expect(expected.count == 3)
        #expect(expected[1].data == "one\ntwo")
        var split = SSEDecoder()
        var pieces: [SSEMessage] = []
        for byte in text.utf8 { pieces += split.feed([byte]) }
        pieces += split.finish()
        #expect(pieces == expected)
    }
}
