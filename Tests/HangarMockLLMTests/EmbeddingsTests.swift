import Foundation
import HangarCore
import HangarMockLLM
import Testing

@Suite("POST /v1/embeddings and GET /v1/models", .timeLimit(.minutes(1)))
struct EmbeddingsTests {
    static let script = """
        embedding_dimensions: 40
        rules:
          - model: embed-mock
          - model: embed-priced
            usage: {prompt_tokens: 99}
        """

    static func floats(_ value: JSONValue?) -> [Float] {
        (value?.arrayValue ?? []).map { value -> Float in
            switch value {
            case .double(let double): Float(double)
            case .int(let integer): Float(integer)
            default: .nan
            }
        }
    }

    static func decode(_ base64: String) -> [Float] {
        let data = Data(base64Encoded: base64) ?? Data()
        return stride(from: 0, to: data.count, by: 4).map { offset in
            let bits = data[offset..<offset + 4].enumerated().reduce(UInt32(0)) {
                $0 | UInt32($1.element) << (8 * $1.offset)
            }
            return Float(bitPattern: bits)
        }
    }

    @Test func floatAndBase64EncodeTheSameDeterministicVectors() async throws {
        try await MockClient.with(Self.script) { client in
            let input: JSONValue = ["A man is eating food.", "Hello"]
            let floats = try await client.post(
                "/v1/embeddings", ["model": "embed-mock", "input": input]
            ).json()
            let base64 = try await client.post(
                "/v1/embeddings", ["model": "embed-mock", "input": input, "encoding_format": "base64"]
            ).json()
            #expect(floats["object"] == "list")
            #expect(floats["model"] == "embed-mock")
            let items = try #require(floats["data"]?.arrayValue)
            #expect(items.map { $0["index"] } == [0, 1])
            #expect(items.allSatisfy { $0["object"] == "embedding" })
            let first = Self.floats(items[0]["embedding"])
            #expect(first.count == 40)
            #expect(first.allSatisfy { (-1...1).contains($0) })
            #expect(first != Self.floats(items[1]["embedding"]))
            for index in 0..<2 {
                let encoded = try #require(base64["data"]?[index]?["embedding"]?.stringValue)
                #expect(Self.decode(encoded) == Self.floats(items[index]["embedding"]))
            }
            // Same input, same vector, across requests and positions.
            let again = try await client.post("/v1/embeddings", ["model": "embed-mock", "input": "Hello"]).json()
            #expect(Self.floats(again["data"]?[0]?["embedding"]) == Self.floats(items[1]["embedding"]))
            // "A man is eating food." + "Hello" = 26 bytes: 7 tokens.
            #expect(floats["usage"] == ["prompt_tokens": 7, "total_tokens": 7])
        }
    }

    @Test func requestDimensionsAndScriptedUsage() async throws {
        try await MockClient.with(Self.script) { client in
            let body = try await client.post(
                "/v1/embeddings", ["model": "embed-priced", "input": "x", "dimensions": 3]
            ).json()
            #expect(Self.floats(body["data"]?[0]?["embedding"]).count == 3)
            #expect(body["usage"] == ["prompt_tokens": 99, "total_tokens": 99])
            let bad = try await client.post("/v1/embeddings", ["model": "embed-mock", "input": [1, 2]])
            #expect(bad.status == 400)
            #expect(try bad.json()["error"]?["message"] == "'input' must be a string or a non-empty array of strings")
        }
    }

    @Test func modelsListsTheScriptsModels() async throws {
        try await MockClient.with(Self.script) { client in
            let response = try await client.send("GET", "/v1/models")
            let body = try response.json()
            #expect(body["object"] == "list")
            let data = try #require(body["data"]?.arrayValue)
            #expect(data.map { $0["id"] } == ["embed-mock", "embed-priced", "mock"])
            #expect(
                data.allSatisfy {
                    $0["object"] == "model" && $0["owned_by"] == "hangar-mock" && $0["created"]?.intValue != nil
                })
        }
    }
}
