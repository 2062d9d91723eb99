import Foundation
import HangarCore
import Hummingbird

/// A request a rule matched with a reply to give, handed to the endpoint that formats it.
struct MatchedCall<Call: ModelCall>: Sendable {
    let call: Call
    let rule: MockRule
    let reply: MockReply
    let seq: Int
    let watch: ConnectionWatch
}

/// The steps every model endpoint shares: read the body as a JSON object, parse it, record the request, find
/// the rule (404 without one), wait the rule's delay, then answer with its error, its garbage, or — through the
/// endpoint's `reply` — its reply. Every request is recorded, bad ones too.
struct EndpointFlow: Sendable {
    let ruleBook: MockRuleBook
    let recorder: MockRecorder

    static let limits = JSONLimits(maxBytes: 16 << 20, maxDepth: 128)

    func respond<Call: ModelCall>(
        to request: Request, context: MockRequestContext, dialect: WireDialect,
        parse: (JSONValue) throws -> Call, reply: (MatchedCall<Call>) async throws -> Response
    ) async throws -> Response {
        let path = request.uri.path
        let authorized = Self.isAuthorized(request)
        var request = request
        let body: JSONValue
        do {
            let buffer = try await request.collectBody(upTo: context.maxUploadSize)
            body = try JSONValue.parse(Data(buffer.readableBytesView), limits: Self.limits)
            guard case .object = body else { throw HangarError(.invalidRequest, "the body must be a JSON object") }
        } catch {
            return await reject(error, dialect: dialect, path: path, body: nil, authorized: authorized)
        }
        let call: Call
        do {
            call = try parse(body)
        } catch {
            return await reject(error, dialect: dialect, path: path, body: body, authorized: authorized)
        }
        guard let (index, rule) = await ruleBook.take(model: call.model, text: call.text) else {
            let seq = await recorder.begin(
                path: path, model: call.model, stream: call.stream, rule: nil, authorized: authorized)
            await recorder.finish(seq: seq, outcome: .error)
            return dialect.modelNotFound(call.model)
        }
        let seq = await recorder.begin(
            path: path, model: call.model, stream: call.stream, rule: index, authorized: authorized)
        let watch = await context.connectionWatch()
        do {
            try await watch.pause(for: rule.delay)
        } catch {
            let outcome: MockRequestRecord.Outcome = watch.reason == .serverStopping ? .cut : .clientClosed
            await recorder.finish(seq: seq, outcome: outcome)
            throw error
        }
        switch rule.answer {
        case .error(let scripted):
            await recorder.finish(seq: seq, outcome: .error)
            return dialect.error(scripted)
        case .garbage:
            await recorder.finish(seq: seq, outcome: .completed)
            return MockResponse.garbage()
        case .reply(let scripted):
            return try await reply(MatchedCall(call: call, rule: rule, reply: scripted, seq: seq, watch: watch))
        }
    }

    /// Records a request that could not be read or parsed and answers 400 (413 when too large).
    private func reject(
        _ error: any Error, dialect: WireDialect, path: String, body: JSONValue?, authorized: Bool
    ) async -> Response {
        let seq = await recorder.begin(
            path: path, model: body?["model"]?.stringValue, stream: body?["stream"]?.boolValue ?? false, rule: nil,
            authorized: authorized)
        await recorder.finish(seq: seq, outcome: .error)
        if let error = error as? HangarError {
            return dialect.invalidRequest(error.message, status: error.code.family == .tooLarge ? 413 : 400)
        }
        if let error = error as? any HTTPResponseError, error.status == .contentTooLarge {
            return dialect.invalidRequest("the body is larger than the mock accepts", status: 413)
        }
        return dialect.invalidRequest("the body could not be read")
    }

    /// Whether the request carries credentials; their value is never looked at or kept.
    static func isAuthorized(_ request: Request) -> Bool {
        request.headers[.authorization] != nil || request.headers[apiKey] != nil
    }

    private static let apiKey = HTTPFields.Element.Name("x-api-key")!
}
