/// An upstream API: where it is, how it authenticates and which dialect it speaks.
public struct ProviderConfig: Sendable, Hashable {
    public var name: String
    /// The API root including its version, e.g. `https://api.openai.com/v1`; never shown to clients.
    public var baseURL: String
    /// The environment variable holding the API key (read once at start; the key itself is never logged).
    public var apiKeyEnvironment: String?
    public var apiKey: String?
    public var format: WireFormat

    public init(name: String, baseURL: String, apiKey: String? = nil, format: WireFormat) {
        self.name = name
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.apiKey = apiKey
        self.format = format
    }
}
