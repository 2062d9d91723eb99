import Foundation
import HangarCore
import NIOCore
import NIOFoundationCompat

/// The body sent to one deployment: the client's request with the deployment's model name, an explicit token
/// ceiling (the one the budget reserved for), usage requested on streams, and translated when the provider
/// speaks the other format.
enum UpstreamBody {
    static func chat(_ request: ChatRequest, deployment: DeploymentConfig, provider: ProviderConfig, maxTokens: Int64)
        throws -> ByteBuffer
    {
        var body: [String: JSONValue]
        switch (request.format, provider.format) {
        case (.openai, .openai), (.anthropic, .anthropic):
            body = request.body
        case (.openai, .anthropic):
            body =
                try WireTranslation.anthropicRequest(fromOpenAI: .object(request.body), defaultMaxTokens: maxTokens)
                .objectValue ?? [:]
        case (.anthropic, .openai):
            body = try WireTranslation.openAIRequest(fromAnthropic: .object(request.body)).objectValue ?? [:]
        }
        body["model"] = .string(deployment.model)
        switch provider.format {
        case .openai:
            if body["max_tokens"] == nil, body["max_completion_tokens"] == nil { body["max_tokens"] = .int(maxTokens) }
            if request.stream {
                // Usage is what a stream is billed by; the client gets the usage chunk only if it asked.
                var options = body["stream_options"]?.objectValue ?? [:]
                options["include_usage"] = true
                body["stream_options"] = .object(options)
            }
        case .anthropic:
            if body["max_tokens"] == nil { body["max_tokens"] = .int(maxTokens) }
        }
        return ByteBuffer(data: JSONValue.object(body).canonicalData())
    }

    /// `Retry-After` in seconds (or an HTTP date), or OpenAI's `retry-after-ms`.
    static func retryAfter(_ headers: [(String, String)], now: Date = Date()) -> Duration? {
        for (name, value) in headers where name.lowercased() == "retry-after-ms" {
            if let milliseconds = Double(value), milliseconds >= 0 { return .milliseconds(Int64(milliseconds)) }
        }
        for (name, value) in headers where name.lowercased() == "retry-after" {
            if let seconds = Double(value.trimmingCharacters(in: .whitespaces)), seconds >= 0 {
                return .milliseconds(Int64(seconds * 1000))
            }
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
            if let date = formatter.date(from: value) {
                return .milliseconds(max(0, Int64(date.timeIntervalSince(now) * 1000)))
            }
        }
        return nil
    }
}
