import AsyncHTTPClient
import Foundation
import HangarCore
import NIOCore
import NIOFoundationCompat
import NIOHTTP1

extension Gateway {
    /// Sends a body to a deployment and returns the response once its status is a success; anything else becomes
    /// an ``UpstreamFailure`` that says whether trying again (here or elsewhere) may help. No upstream URL or key
    /// ever reaches the failure's message.
    func send(_ body: ByteBuffer, path: String, deployment: DeploymentConfig, provider: ProviderConfig)
        async throws(UpstreamFailure) -> HTTPClientResponse
    {
        let response: HTTPClientResponse
        do {
            response = try await client.send(
                provider: provider, path: path, body: body, headTimeout: deployment.timeout, logger: logger)
        } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout {
            throw UpstreamFailure(
                error: HangarError(.upstreamTimeout, "\(deployment.id) did not answer in time", underlying: error),
                retryable: true)
        } catch is CancellationError {
            throw UpstreamFailure(error: HangarError(.unavailable, "the call was cancelled"), retryable: false)
        } catch {
            if Task.isCancelled {
                throw UpstreamFailure(error: HangarError(.unavailable, "the call was cancelled"), retryable: false)
            }
            throw UpstreamFailure(
                error: HangarError(.upstreamUnavailable, "\(deployment.id) could not be reached", underlying: error),
                retryable: true)
        }
        let status = Int(response.status.code)
        guard !(200..<300).contains(status) else { return response }
        let headers = response.headers.map { ($0.name, $0.value) }
        var detail = await Self.upstreamMessage(response)
        if let key = provider.apiKey, !key.isEmpty {
            // Some providers quote the key they refused; it never goes further than here.
            detail = detail?.replacingOccurrences(of: key, with: "***")
        }
        let retryable = status == 408 || status == 409 || status == 429 || status >= 500
        let code: HangarError.Code = retryable ? .upstreamUnavailable : .upstreamRejected
        var message = "\(deployment.id) answered \(status)"
        if let detail { message += ": \(detail)" }
        throw UpstreamFailure(
            error: HangarError(code, message, details: retryable ? [:] : ["upstream_status": .int(Int64(status))]),
            retryable: retryable, retryAfter: UpstreamBody.retryAfter(headers), status: status)
    }

    /// The `error.message` of an upstream's error body (OpenAI and Anthropic both use it), cut to 300 characters,
    /// or nil when the body is not such an error.
    static func upstreamMessage(_ response: HTTPClientResponse) async -> String? {
        guard let buffer = try? await response.body.collect(upTo: 64 * 1024),
            let json = try? JSONValue.parse(Data(buffer.readableBytesView)),
            let message = json["error"]?["message"]?.stringValue
        else { return nil }
        return String(message.prefix(300))
    }

    /// Reads a whole (non-streaming) body within the deployment's time, as JSON.
    func readJSON(_ response: HTTPClientResponse, deployment: DeploymentConfig, limit: Int = 32 * 1024 * 1024)
        async throws(UpstreamFailure) -> (JSONValue, ByteBuffer)
    {
        let buffer: ByteBuffer
        do {
            buffer = try await withDeadline(deployment.timeout, onTimeout: { HangarError(.upstreamTimeout, "") }) {
                try await response.body.collect(upTo: limit)
            }
        } catch let error as HangarError where error.code == .upstreamTimeout {
            throw UpstreamFailure(
                error: HangarError(.upstreamTimeout, "\(deployment.id) did not finish its answer in time"),
                retryable: true)
        } catch {
            throw UpstreamFailure(
                error: HangarError(
                    .upstreamInvalidResponse, "\(deployment.id) broke off its answer", underlying: error),
                retryable: !Task.isCancelled)
        }
        guard let json = try? JSONValue.parse(Data(buffer.readableBytesView)), json.objectValue != nil else {
            throw UpstreamFailure(
                error: HangarError(
                    .upstreamInvalidResponse, "\(deployment.id) answered with something that is not JSON"),
                retryable: true, status: 200)
        }
        return (json, buffer)
    }
}
