import Foundation
public import HangarCore
public import Hummingbird

extension HangarError {
    /// The error a client is shown for anything a route or Hummingbird threw. Hangar's own errors pass through;
    /// Hummingbird's HTTP errors keep their meaning under a Hangar code; anything else is `internal`, its detail
    /// kept in `underlying` for the log.
    public init(httpBoundary error: any Error) {
        switch error {
        case let error as HangarError:
            self = error
        case let error as HTTPError:
            self = Self.from(status: error.status, message: error.body, underlying: error)
        case let error as any HTTPResponseError:
            self = Self.from(status: error.status, message: nil, underlying: error)
        case is DecodingError:
            self.init(.invalidJSON, "the body does not have the expected shape", underlying: error)
        case is CancellationError:
            self.init(.unavailable, "the server is shutting down", underlying: error)
        default:
            self.init(.internal, "internal error", underlying: error)
        }
    }

    private static func from(status: HTTPResponse.Status, message: String?, underlying: any Error) -> HangarError {
        switch status.code {
        case 404:
            HangarError(.notFound, message ?? "no such resource", underlying: underlying)
        case 413:
            HangarError(.payloadTooLarge, message ?? "the request body is too large", underlying: underlying)
        case 401:
            HangarError(.unauthorized, message ?? "authentication required", underlying: underlying)
        case 403:
            HangarError(.forbidden, message ?? "forbidden", underlying: underlying)
        case 400..<500:
            HangarError(.invalidRequest, message ?? "invalid request", underlying: underlying)
        case 503:
            HangarError(.unavailable, message ?? "temporarily unavailable", underlying: underlying)
        default:
            HangarError(.internal, "internal error", underlying: underlying)
        }
    }

    /// The REST rendering of this error: `{"error":{"code":…,"message":…, <details>…}}` with the status of its
    /// code's family, and `Retry-After` when the details carry `retry_after_seconds`.
    public var response: Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        if case .int(let seconds)? = details["retry_after_seconds"] {
            headers[.retryAfter] = String(seconds)
        }
        return Response(
            status: HTTPResponse.Status(code: code.family.httpStatus),
            headers: headers,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: envelope)))
    }

    /// The body of every error response: `{"error":{"code","message", …details}}`, keys sorted.
    var envelope: Data {
        var detail = details
        detail["code"] = .string(code.rawValue)
        detail["message"] = .string(message)
        return Data(JSONValue.object(["error": .object(detail)]).canonicalString().utf8)
    }
}
