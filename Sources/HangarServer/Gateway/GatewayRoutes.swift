import Foundation
import HTTPTypes
import HangarCore
public import HangarGateway
public import Hummingbird
import Logging
import NIOCore

/// The gateway's HTTP face: OpenAI's `/v1/chat/completions`, `/v1/embeddings` and `/v1/models`, and
/// Anthropic's `/v1/messages`, so the `openai` and `anthropic` SDKs, Claude Code (`ANTHROPIC_BASE_URL`), Codex,
/// Aider and OpenCode work against Hangar unchanged.
///
/// Errors leave in the dialect of the route (``GatewayErrorRendering``), not in Hangar's own envelope, because
/// that is what the SDKs parse; every refused call is still recorded as an event.
public struct GatewayRoutes: Sendable {
    let gateway: Gateway
    /// Chat bodies carry whole conversations (and images); 32 MiB, nested at most 128 deep.
    static let limits = JSONLimits(maxBytes: 32 << 20, maxDepth: 128)

    public init(gateway: Gateway) { self.gateway = gateway }

    public func register(on router: Router<some RequestContext>) {
        router.post("/v1/chat/completions") { request, _ in await chat(request, format: .openai) }
        router.post("/v1/messages") { request, _ in await chat(request, format: .anthropic) }
        router.post("/v1/embeddings") { request, _ in await embeddings(request) }
        router.get("/v1/models") { request, _ in await models(request) }
    }

    private func chat(_ request: Request, format: WireFormat) async -> Response {
        var context = CallContext(key: nil, run: request.headers[.hangarRun], clientFormat: format)
        var model: String?
        var stream = false
        var delegated = false
        do {
            context.key = try await gateway.authenticate(Self.token(request, format: format))
            let (body, size) = try await Self.body(request)
            model = body["model"]?.stringValue
            stream = body["stream"]?.boolValue ?? false
            let chat = try ChatRequest(format: format, body: body, byteCount: size)
            delegated = true
            guard chat.stream else {
                return Self.response(try await gateway.complete(chat, context: context))
            }
            let opened = try await gateway.openStream(chat, context: context)
            var headers = Self.fields(opened.headers)
            headers[.contentType] = "text/event-stream"
            headers[.cacheControl] = "no-cache"
            return Response(
                status: .ok, headers: headers,
                body: ResponseBody { writer in
                    await opened.pump { try await writer.write($0) }
                    try await writer.finish(nil)
                })
        } catch {
            return refuse(error, context: context, model: model, stream: stream, recorded: delegated)
        }
    }

    private func embeddings(_ request: Request) async -> Response {
        var context = CallContext(key: nil, run: request.headers[.hangarRun], clientFormat: .openai)
        var model: String?
        var delegated = false
        do {
            context.key = try await gateway.authenticate(Self.token(request, format: .openai))
            let (body, size) = try await Self.body(request)
            model = body["model"]?.stringValue
            delegated = true
            return Self.response(try await gateway.embed(body, byteCount: size, context: context))
        } catch {
            return refuse(error, context: context, model: model, stream: false, recorded: delegated)
        }
    }

    private func models(_ request: Request) async -> Response {
        let context = CallContext(key: nil, clientFormat: .openai)
        do {
            let key = try await gateway.authenticate(Self.token(request, format: .openai))
            let data: [JSONValue] = gateway.models(for: key).map { route in
                ["id": .string(route.alias), "object": "model", "created": 0, "owned_by": "hangar"]
            }
            let body = JSONValue.object(["object": "list", "data": .array(data)])
            return Self.response(
                GatewayReply(status: 200, body: ByteBuffer(bytes: body.canonicalData()), headers: []))
        } catch {
            return refuse(error, context: context, model: nil, stream: false, recorded: false)
        }
    }

    /// Renders an error in the route's dialect. The gateway records the calls handed to it, refused or not; this
    /// records the ones refused before (key, body, shape).
    private func refuse(_ error: any Error, context: CallContext, model: String?, stream: Bool, recorded: Bool)
        -> Response
    {
        let hangarError = HangarError(httpBoundary: error)
        if !recorded {
            gateway.recordRefusal(hangarError, context: context, model: model, stream: stream)
        }
        let rendering = GatewayErrorRendering(hangarError)
        let body = context.clientFormat == .openai ? rendering.openAIBody : rendering.anthropicBody
        var headers = Self.fields(rendering.headers)
        headers[.contentType] = "application/json"
        return Response(
            status: HTTPResponse.Status(code: rendering.status), headers: headers,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: body.canonicalData())))
    }

    static func token(_ request: Request, format: WireFormat) -> String? {
        if let authorization = request.headers[.authorization] {
            let parts = authorization.split(separator: " ", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "bearer" { return String(parts[1]) }
            return authorization
        }
        return request.headers[.xAPIKey]
    }

    static func body(_ request: Request) async throws -> (JSONValue, Int) {
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: limits.maxBytes)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw HangarError(.payloadTooLarge, "the body is larger than \(limits.maxBytes) bytes", underlying: error)
        }
        let data = Data(buffer.readableBytesView)
        do {
            return (try JSONValue.parse(data, limits: limits), data.count)
        } catch {
            throw HangarError(.invalidJSON, "the body is not valid JSON", underlying: error)
        }
    }

    static func response(_ reply: GatewayReply) -> Response {
        var headers = fields(reply.headers)
        headers[.contentType] = "application/json"
        return Response(
            status: HTTPResponse.Status(code: reply.status), headers: headers,
            body: ResponseBody(byteBuffer: reply.body))
    }

    static func fields(_ pairs: [(String, String)]) -> HTTPFields {
        var fields = HTTPFields()
        for (name, value) in pairs {
            if let name = HTTPField.Name(name) { fields.append(HTTPField(name: name, value: value)) }
        }
        return fields
    }
}
