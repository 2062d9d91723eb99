import HangarCore
import Hummingbird

/// The vendor whose wire format an endpoint speaks; it decides the shape of error bodies.
enum WireDialect: Sendable {
    /// `{"error":{"message","type","param","code"}}`
    case openAI
    /// `{"type":"error","error":{"type","message"}}`
    case anthropic

    func error(_ reply: MockErrorReply) -> Response {
        var headers = HTTPFields()
        if let retryAfter = reply.retryAfter { headers[.retryAfter] = "\(retryAfter)" }
        let body: JSONValue =
            switch self {
            case .openAI:
                [
                    "error": [
                        "message": .string(reply.message), "type": .string(reply.type), "param": nil,
                        "code": reply.code.map(JSONValue.string) ?? .null,
                    ]
                ]
            case .anthropic:
                ["type": "error", "error": ["type": .string(reply.type), "message": .string(reply.message)]]
            }
        return MockResponse.json(body, status: HTTPResponse.Status(code: reply.status), headers: headers)
    }

    /// 400 `invalid_request_error`: a body that is not a JSON object, or one missing what the API requires.
    func invalidRequest(_ message: String, status: Int = 400) -> Response {
        error(MockErrorReply(status: status, message: message, type: "invalid_request_error"))
    }

    /// 404 when no rule answers the model, as each vendor reports an unknown model.
    func modelNotFound(_ model: String) -> Response {
        switch self {
        case .openAI:
            error(
                MockErrorReply(
                    status: 404, message: "The model `\(model)` does not exist or you do not have access to it.",
                    type: "invalid_request_error", code: "model_not_found"))
        case .anthropic:
            error(MockErrorReply(status: 404, message: "model: \(model)", type: "not_found_error"))
        }
    }
}
