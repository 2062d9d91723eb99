import HangarCore

/// Why one attempt at a deployment failed, and whether another attempt (here or elsewhere) may help.
struct UpstreamFailure: Error {
    var error: HangarError
    /// 429, 5xx, timeouts, connection errors and garbage are the deployment's fault: retry or fall back. Other
    /// 4xx are the request's fault: every deployment would refuse it alike.
    var retryable: Bool
    var retryAfter: Duration?
    var status: Int?
}
