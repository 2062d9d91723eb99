import Foundation
public import HangarCore
import NIOCore
import NIOFoundationCompat

extension Gateway {
    /// `POST /v1/embeddings`: routed, retried, priced (input tokens) and recorded like a chat call. The body
    /// passes through with the deployment's model name, so `encoding_format` (`float` or `base64`) is the
    /// upstream's to honour.
    public func embed(_ value: JSONValue, byteCount: Int, context: CallContext) async throws -> GatewayReply {
        var body: [String: JSONValue]
        do {
            body = try Self.embeddingsBody(value)
        } catch {
            recordRefusal(
                HangarError.wrapping(error), context: context, model: value["model"]?.stringValue, stream: false)
            throw error
        }
        let model = body["model"]?.stringValue ?? ""
        let estimate = Int64(byteCount / 4 + 1)
        let admission = try await admit(
            model: model, promptEstimate: estimate, maxTokens: nil, context: context, embeddings: true)
        let result: Dispatcher.Result<(JSONValue, NIOCore.ByteBuffer)>
        do {
            result = try await dispatcher.run(admission.route) { deployment, provider throws(UpstreamFailure) in
                body["model"] = .string(deployment.model)
                let bytes = NIOCore.ByteBuffer(data: JSONValue.object(body).canonicalData())
                let response = try await send(bytes, path: "/embeddings", deployment: deployment, provider: provider)
                return try await readJSON(response, deployment: deployment)
            }
        } catch {
            throw failed(error, context: context, model: model, stream: false, admission: admission)
        }
        let usage = TokenUsage(openAI: result.value.0["usage"]) ?? TokenUsage(inputTokens: estimate)
        let cost = result.deployment.price.cost(of: usage)
        let latency = ContinuousClock.now - context.started
        finish(
            CallRecord(
                context: context, model: model, deployment: result.deployment.id, stream: false,
                attempts: result.attempts, usage: usage, cost: cost, reservation: admission.reservation, outcome: .ok,
                latency: latency, upstream: result.upstream), admission: admission)
        let headers = headers(
            context, route: model, deployment: result.deployment.id, attempts: result.attempts.count, cost: cost,
            overhead: latency - result.upstream)
        return GatewayReply(status: 200, body: result.value.1, headers: headers + admission.headers)
    }

    private static func embeddingsBody(_ value: JSONValue) throws -> [String: JSONValue] {
        guard case .object(let body) = value else {
            throw HangarError(.invalidRequest, "the body must be a JSON object")
        }
        guard let model = body["model"]?.stringValue, !model.isEmpty else {
            throw HangarError(.invalidRequest, "model is required", details: ["param": "model"])
        }
        switch body["input"] {
        case .string?: break
        case .array(let items)?
        where !items.isEmpty && items.allSatisfy({ $0.stringValue != nil || $0.arrayValue != nil }):
            break
        default:
            throw HangarError(
                .invalidRequest, "input must be a string or a non-empty array of strings", details: ["param": "input"])
        }
        if let format = body["encoding_format"], format.stringValue != "float", format.stringValue != "base64" {
            throw HangarError(
                .invalidRequest, "encoding_format must be float or base64", details: ["param": "encoding_format"])
        }
        return body
    }

    /// Records a call refused before it was admitted (bad body, bad key, unknown model, a limit), so every call
    /// the gateway saw has its event.
    public func recordRefusal(_ error: HangarError, context: CallContext, model: String?, stream: Bool) {
        journal.record(
            CallRecord(
                context: context, model: model ?? "", deployment: nil, stream: stream, attempts: [],
                usage: TokenUsage(), outcome: .error, error: error, latency: ContinuousClock.now - context.started))
    }
}
