import Crypto
import Foundation
import HangarCore

/// Deterministic embeddings: the same input always gets the same vector, and different inputs different ones.
///
/// The bytes are SHA-256 of the input's UTF-8, then SHA-256 of that digest, and so on until there are enough;
/// byte `b` becomes `b / 127.5 - 1`, a float in [-1, 1]. The `base64` encoding is the floats as little-endian
/// IEEE 754 single precision, as OpenAI sends them.
enum EmbeddingFormat {
    static func vector(for input: String, dimensions: Int) -> [Float] {
        var bytes: [UInt8] = []
        var digest = Array(SHA256.hash(data: Data(input.utf8)))
        while bytes.count < dimensions {
            bytes.append(contentsOf: digest)
            digest = Array(SHA256.hash(data: digest))
        }
        return bytes.prefix(dimensions).map { Float($0) / 127.5 - 1 }
    }

    static func base64(_ vector: [Float]) -> String {
        var data = Data(capacity: vector.count * 4)
        for value in vector {
            withUnsafeBytes(of: value.bitPattern.littleEndian) { data.append(contentsOf: $0) }
        }
        return data.base64EncodedString()
    }

    /// The `data` item for one input.
    static func item(_ vector: [Float], index: Int, base64: Bool) -> JSONValue {
        let embedding: JSONValue =
            base64 ? .string(Self.base64(vector)) : .array(vector.map { .double(Double($0)) })
        return ["object": "embedding", "index": .int(Int64(index)), "embedding": embedding]
    }
}
