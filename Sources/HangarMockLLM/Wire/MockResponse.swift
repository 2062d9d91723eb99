import Foundation
import HangarCore
import Hummingbird

/// The responses the mock writes: JSON, scripted garbage, and the head of a Server-Sent Events stream.
enum MockResponse {
    static func json(_ value: JSONValue, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var headers = headers
        headers[.contentType] = "application/json"
        return Response(
            status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: value.canonicalData())))
    }

    /// A 200 that claims to be JSON and is not: what a broken upstream or proxy sends.
    static func garbage() -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        return Response(
            status: .ok, headers: headers,
            body: ResponseBody(byteBuffer: ByteBuffer(string: "<html><body>502 upstream garbage {\"oops\n")))
    }

    static func eventStream(_ body: ResponseBody) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream"
        headers[.cacheControl] = "no-cache"
        return Response(status: .ok, headers: headers, body: body)
    }

    /// An SSE frame of JSON data, with an event name when the dialect uses them (Anthropic).
    static func frame(_ data: JSONValue, event: String? = nil) -> String {
        let line = "data: " + data.canonicalString() + "\n\n"
        guard let event else { return line }
        return "event: \(event)\n" + line
    }
}
