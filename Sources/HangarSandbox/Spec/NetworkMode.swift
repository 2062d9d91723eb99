/// What a sandboxed command may reach on the network.
public enum NetworkMode: String, Sendable, Codable, CaseIterable {
    /// A fresh network namespace with only loopback up.
    case none
    /// Only Hangar's own endpoints, through its HTTP CONNECT proxy.
    case proxy
    /// The host's network; policy must grant it.
    case host
}
