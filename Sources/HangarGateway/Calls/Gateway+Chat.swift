import Foundation
import HangarCore
import NIOCore
import NIOFoundationCompat

extension Gateway {
    /// A non-streaming chat call, answered in the client's format.
    public func complete(_ request: ChatRequest, context: CallContext) async throws -> GatewayReply {
        let admission = try await admit(
            model: request.model, promptEstimate: request.promptEstimate, maxTokens: request.maxTokens,
            context: context)
        let route = admission.route
        let cacheKey = route.cacheTTL.map { _ in
            ResponseCache.key(route: route.alias, format: request.format, body: request.body)
        }
        if let cacheKey, let hit = cache.lookup(cacheKey) {
            finish(
                CallRecord(
                    context: context, model: route.alias, deployment: hit.deployment, stream: false,
                    attempts: [], usage: TokenUsage(), reservation: admission.reservation, outcome: .cacheHit,
                    latency: ContinuousClock.now - context.started), admission: admission)
            return GatewayReply(
                status: 200, body: hit.body,
                headers: headers(
                    context, route: route.alias,
                    deployment: hit.deployment, attempts: 0, cost: 0, overhead: nil) + admission.headers + [
                        ("x-hangar-cache", "hit")
                    ])
        }
        let result: Dispatcher.Result<(JSONValue, ByteBuffer)>
        do {
            result = try await dispatcher.run(route) { deployment, provider throws(UpstreamFailure) in
                let body: ByteBuffer
                do {
                    body = try UpstreamBody.chat(
                        request, deployment: deployment, provider: provider, maxTokens: admission.maxTokens)
                } catch {
                    throw UpstreamFailure(error: HangarError.wrapping(error), retryable: false)
                }
                let response = try await send(
                    body, path: provider.format.chatPath, deployment: deployment, provider: provider)
                return try await readJSON(response, deployment: deployment)
            }
        } catch {
            throw failed(error, context: context, model: route.alias, stream: false, admission: admission)
        }
        let (json, bytes) = result.value
        let upstreamFormat = result.provider.format
        let usage =
            (upstreamFormat == .openai ? TokenUsage(openAI: json["usage"]) : TokenUsage(anthropic: json["usage"]))
            ?? TokenUsage()
        var body = bytes
        if upstreamFormat != request.format {
            do {
                let translated =
                    request.format == .openai
                    ? try WireTranslation.openAIResponse(fromAnthropic: json)
                    : try WireTranslation.anthropicResponse(fromOpenAI: json)
                body = ByteBuffer(data: translated.canonicalData())
            } catch {
                let failure = HangarError(
                    .upstreamInvalidResponse, "\(result.deployment.id) answered in an unexpected shape")
                throw failed(
                    CallFailure(error: failure, attempts: result.attempts), context: context, model: route.alias,
                    stream: false, admission: admission)
            }
        }
        let cost = result.deployment.price.cost(of: usage)
        let latency = ContinuousClock.now - context.started
        finish(
            CallRecord(
                context: context, model: route.alias, deployment: result.deployment.id, stream: false,
                attempts: result.attempts, usage: usage, cost: cost, reservation: admission.reservation, outcome: .ok,
                latency: latency, upstream: result.upstream), admission: admission)
        if let cacheKey, let ttl = route.cacheTTL {
            cache.store(cacheKey, body: body, deployment: result.deployment.id, ttl: ttl)
        }
        return GatewayReply(
            status: 200, body: body,
            headers: headers(
                context, route: route.alias,
                deployment: result.deployment.id, attempts: result.attempts.count, cost: cost,
                overhead: latency - result.upstream) + admission.headers
                + (cacheKey == nil ? [] : [("x-hangar-cache", "miss")]))
    }

    var dispatcher: Dispatcher { Dispatcher(config: config, health: health, clock: clock) }

    /// The headers every answer carries.
    func headers(
        _ context: CallContext, route: String, deployment: String?, attempts: Int, cost: Int64?,
        overhead: Duration?
    ) -> [(String, String)] {
        var headers = [
            ("x-hangar-call-id", context.callID), ("x-hangar-model", route), ("x-hangar-attempts", "\(attempts)"),
        ]
        if let deployment { headers.append(("x-hangar-deployment", deployment)) }
        if let cost {
            headers.append(("x-hangar-cost", "\(cost)")); headers.append(("x-hangar-cost-currency", "USD-6"))
        }
        if let overhead { headers.append(("x-hangar-overhead-ms", String(format: "%.3f", overhead.milliseconds))) }
        return headers
    }

    /// Records a call that ends now and settles its limits.
    func finish(_ record: CallRecord, admission: Admission) {
        settleLimits(admission, context: record.context, usage: record.usage)
        journal.record(record)
    }

    /// Records a failed call (nothing billed; its reservation is released through a zero commit) and returns the
    /// error for the client.
    func failed(_ error: any Error, context: CallContext, model: String, stream: Bool, admission: Admission)
        -> HangarError
    {
        let failure = error as? CallFailure
        let hangarError =
            failure?.error
            ?? (error is CancellationError
                ? HangarError(.unavailable, "the call was cancelled") : HangarError.wrapping(error))
        finish(
            CallRecord(
                context: context, model: model, deployment: nil, stream: stream, attempts: failure?.attempts ?? [],
                usage: TokenUsage(), reservation: admission.reservation, outcome: .error, error: hangarError,
                latency: ContinuousClock.now - context.started), admission: admission)
        return hangarError
    }
}
