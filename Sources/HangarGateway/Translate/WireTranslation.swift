import Foundation

/// Translation between OpenAI Chat Completions and Anthropic Messages bodies, so a client speaking one format can
/// be served by a provider speaking the other. Every function is pure and synchronous: JSON in, JSON out.
///
/// Requests that cannot be expressed in the other format are refused with `invalid_request` naming the offending
/// field, rather than quietly changed into something the client did not ask for. Upstream responses that are not
/// the shape their format promises fail with `upstream_invalid_response` instead: the client is not to blame.
///
/// Where the formats differ without a safe mapping:
/// - OpenAI `response_format` (`json_object`, `json_schema`), `n > 1`, `logprobs`, the legacy `functions` /
///   `function_call` and non-function tools are refused when the target is Anthropic.
/// - Pure sampling hints with no counterpart are dropped: OpenAI `presence_penalty`, `frequency_penalty`,
///   `seed`, `logit_bias`, `reasoning_effort`, a tool's `strict`; Anthropic `top_k`, `thinking`, `cache_control`.
///   The answer is still an answer to the same conversation; only its sampling or caching differs.
/// - System and developer messages anywhere in an OpenAI conversation become Anthropic's one top-level `system`,
///   in order. A tool result's `is_error` and a message's `name` have no counterpart and are dropped.
/// - Anthropic thinking blocks in answers are dropped: Chat Completions has no standard field for them.
public enum WireTranslation {
    /// Seconds since the Unix epoch: the `created` of an OpenAI completion, which Anthropic answers lack.
    public static func unixTimeNow() -> Int64 {
        Int64(Date().timeIntervalSince1970.rounded(.down))
    }

    /// The OpenAI id of an Anthropic message: `msg_X` becomes `chatcmpl-X`, so the id can be traced both ways.
    static func openAIID(fromAnthropic id: String) -> String {
        id.hasPrefix("msg_") ? "chatcmpl-" + id.dropFirst(4) : "chatcmpl-" + id
    }

    /// The Anthropic id of an OpenAI completion: `chatcmpl-X` becomes `msg_X`.
    static func anthropicID(fromOpenAI id: String) -> String {
        id.hasPrefix("chatcmpl-") ? "msg_" + id.dropFirst(9) : "msg_" + id
    }

    /// Anthropic `stop_reason` → OpenAI `finish_reason`. `pause_turn` (a server tool paused the turn) reads as a
    /// plain stop; a refusal is OpenAI's `content_filter`.
    static func openAIFinishReason(fromAnthropic reason: String) -> String {
        switch reason {
        case "max_tokens", "model_context_window_exceeded": "length"
        case "tool_use": "tool_calls"
        case "refusal": "content_filter"
        default: "stop"  // end_turn, stop_sequence, pause_turn
        }
    }

    /// OpenAI `finish_reason` → Anthropic `stop_reason`. OpenAI does not say whether a stop sequence matched, so
    /// `stop` is always `end_turn`.
    static func anthropicStopReason(fromOpenAI reason: String) -> String {
        switch reason {
        case "length": "max_tokens"
        case "tool_calls", "function_call": "tool_use"
        case "content_filter": "refusal"
        default: "end_turn"
        }
    }
}
