import HangarCore
import HangarStore
import Hummingbird
import Logging

/// `GET /v1/events`: a page of the event log as `{"events":[…],"head":N}`, or with
/// `Accept: text/event-stream` the log from `after` (or `Last-Event-ID`) on as Server-Sent Events, for as long
/// as the client stays (`limit` bounds JSON pages only).
struct EventRoutes: Sendable {
    let storage: any HangarStorage
    let heartbeat: Duration

    struct Page: Encodable {
        var events: [Event]
        var head: Int64
    }

    func register(on router: Router<HangarRequestContext>) {
        router.get("/v1/events") { request, context in
            let parameters = try EventsRequest(request: request)
            if parameters.streaming {
                return streamResponse(parameters, context: context)
            }
            let head = try await storage.head()
            let events = try await storage.read(
                EventQuery(after: parameters.after, stream: parameters.stream, limit: parameters.limit))
            return try Response.json(Page(events: events, head: head))
        }
    }

    private func streamResponse(_ parameters: EventsRequest, context: HangarRequestContext) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream"
        headers[.cacheControl] = "no-cache"
        var logger = context.logger
        logger[metadataKey: "events.after"] = "\(parameters.after)"
        let body = EventStreamBody(
            storage: storage, after: parameters.after, stream: parameters.stream, heartbeat: heartbeat,
            logger: logger)
        return Response(status: .ok, headers: headers, body: body.makeBody())
    }
}
