import Foundation
import HangarCore
import HangarMockLLM

/// Requests to a running mock over a ``RawConnection``, one connection per request.
struct MockClient {
    let handle: MockHandle

    /// Sends one request with `Connection: close` and reads the whole response.
    func send(
        _ method: String, _ path: String, body: String? = nil, headers: [String: String] = [:]
    ) async throws -> RawResponse {
        let connection = try RawConnection(port: handle.port)
        defer { connection.close() }
        try connection.send(
            Self.request(method, path, body: body, headers: headers.merging(["Connection": "close"]) { $1 }))
        try await connection.readToEnd()
        return try RawResponse(connection.received)
    }

    func post(_ path: String, _ body: JSONValue, headers: [String: String] = [:]) async throws -> RawResponse {
        try await send("POST", path, body: body.canonicalString(), headers: headers)
    }

    static func request(_ method: String, _ path: String, body: String?, headers: [String: String]) -> String {
        var text = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) { text += "\(name): \(value)\r\n" }
        if let body {
            text += "Content-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)"
        } else {
            text += "\r\n"
        }
        return text
    }

    /// Runs `body` against a mock serving `script` (YAML).
    static func with<T>(_ script: String, _ body: (MockClient) async throws -> T) async throws -> T {
        try await MockLLMServer.withRunning(script: try MockScript.parse(script)) { handle in
            try await body(MockClient(handle: handle))
        }
    }

    /// A chat request body.
    static func chat(
        _ model: String, _ text: String = "Hello", stream: Bool = false, includeUsage: Bool? = nil
    ) -> JSONValue {
        var body: [String: JSONValue] = [
            "model": .string(model), "messages": [["role": "user", "content": .string(text)]],
        ]
        if stream { body["stream"] = true }
        if let includeUsage { body["stream_options"] = ["include_usage": .bool(includeUsage)] }
        return .object(body)
    }

    /// An Anthropic messages request body.
    static func messages(_ model: String, _ text: String = "Hello", stream: Bool = false) -> JSONValue {
        [
            "model": .string(model), "max_tokens": 256, "stream": .bool(stream),
            "messages": [["role": "user", "content": [["type": "text", "text": .string(text)]]]],
        ]
    }
}
