import HangarCore
import HangarStore

/// What a call was admitted with: its route, its reservation on the ledger and the tokens counted against the
/// key's per-minute window, all given back or settled when the call ends.
struct Admission: Sendable {
    var route: RouteConfig
    var maxTokens: Int64
    var reservation: Reservation?
    var countedTokens: Int64
    var headers: [(String, String)]
}

extension Gateway {
    /// Checks every limit of the key on its own (requests, tokens, cost) and reserves the worst case. Refuses with
    /// 429 naming every limit that refused, with `Retry-After` and the `x-ratelimit-*` figures.
    func admit(
        model: String, promptEstimate: Int64, maxTokens requested: Int64?, context: CallContext,
        embeddings: Bool = false, stream: Bool = false
    ) async throws -> Admission {
        do {
            return try await checkLimits(
                model: model, promptEstimate: promptEstimate, maxTokens: requested,
                context: context, embeddings: embeddings)
        } catch {
            recordRefusal(HangarError.wrapping(error), context: context, model: model, stream: stream)
            throw error
        }
    }

    private func checkLimits(
        model: String, promptEstimate: Int64, maxTokens requested: Int64?, context: CallContext,
        embeddings: Bool
    ) async throws -> Admission {
        let route = try route(model, for: context.key, embeddings: embeddings)
        let maxTokens = requested ?? (embeddings ? 0 : route.defaultMaxTokens)
        guard maxTokens <= route.maxOutputTokens else {
            throw HangarError(
                .maxTokensTooLarge,
                "max_tokens is \(maxTokens), but '\(model)' allows at most \(route.maxOutputTokens)",
                details: ["param": "max_tokens"])
        }
        guard let key = context.key else {
            return Admission(route: route, maxTokens: maxTokens, reservation: nil, countedTokens: 0, headers: [])
        }
        let tokens = promptEstimate + maxTokens
        let limits = limiter.admit(key, tokens: tokens)
        var exceeded = limits.exceeded
        var headers = limits.headers
        var retryAfter = limits.retryAfterSeconds
        var reservation: Reservation?
        if let budget = key.budget {
            let now = clock.nowMilliseconds()
            let account = key.budgetAccount(at: now)
            let worst = worstCase(route, usage: TokenUsage(inputTokens: promptEstimate, outputTokens: maxTokens))
            try await ensureAccount(account, limit: budget)
            if exceeded.isEmpty, worst > 0 {
                do {
                    reservation = try await storage.reserve(worst, from: account, actor: "key:\(key.id)")
                } catch let error as HangarError where error.code == .budgetExceeded {
                    exceeded.append("cost")
                    limiter.settle(key, reserved: tokens, actual: 0, refundRequest: true)
                }
            } else if let state = try await storage.budget(account), state.available < worst {
                exceeded.append("cost")
            }
            let state = try await storage.budget(account)
            headers += [
                ("x-ratelimit-limit-cost", "\(budget)"),
                ("x-ratelimit-remaining-cost", "\(max(0, state?.available ?? 0))"),
            ]
            if exceeded.contains("cost") {
                retryAfter = max(retryAfter, key.secondsUntilPeriodEnd(at: now) ?? 0)
            }
        }
        guard exceeded.isEmpty else {
            var details: [String: JSONValue] = ["limits": .array(exceeded.map(JSONValue.string))]
            if retryAfter > 0 { details["retry_after_seconds"] = .int(retryAfter) }
            for (name, value) in headers { details[name] = .string(value) }
            let code: HangarError.Code = exceeded == ["cost"] ? .insufficientQuota : .gatewayRateLimited
            throw HangarError(
                code, "the key's \(exceeded.joined(separator: ", ")) limit refused this call", details: details)
        }
        return Admission(
            route: route, maxTokens: maxTokens, reservation: reservation, countedTokens: tokens, headers: headers)
    }

    /// The most any deployment of the route (or its fallbacks) could charge for the usage.
    func worstCase(_ route: RouteConfig, usage: TokenUsage) -> Int64 {
        let chain = [route] + route.fallbacks.compactMap { config.routes[$0] }
        return chain.flatMap(\.deployments).map { $0.price.cost(of: usage) }.max() ?? 0
    }

    /// Gives back what an admitted call did not use: the ledger settles through the journal with the call's
    /// event; the token window is corrected now.
    func settleLimits(_ admission: Admission, context: CallContext, usage: TokenUsage) {
        guard let key = context.key else { return }
        limiter.settle(key, reserved: admission.countedTokens, actual: usage.totalTokens)
    }
}
